//! Cards that are NOT programmable tokens, for tests and demos of "wrong
//! card on the reader": a FIDO security key, a YubiKey (OATH applet), a PIV
//! card and an EMV payment card. Each has its own ATR, answers `90 00` with
//! a plausible FCI to a SELECT of its applets (ISO 7816-4, the FIDO, Yubico,
//! NIST SP 800-73 and EMV specifications), `6A 82` to other SELECTs and an
//! error to anything else, so it never accepts a token command. Written
//! from those specifications, not from the burner's client code.

use super::vpcd::VirtualCard;

/// Which kind of card to play.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ForeignKind {
    /// A FIDO U2F / FIDO2 security key (FIDO applet only).
    Fido,
    /// A YubiKey 5 NFC: OATH, FIDO and PIV applets.
    YubiKeyOath,
    /// A PIV smart card.
    Piv,
    /// A contactless EMV payment card (PPSE and one Visa application).
    Emv,
}

impl ForeignKind {
    /// What it is, for the emulator's log.
    pub fn name(self) -> &'static str {
        match self {
            ForeignKind::Fido => "FIDO security key",
            ForeignKind::YubiKeyOath => "YubiKey",
            ForeignKind::Piv => "PIV card",
            ForeignKind::Emv => "bank card",
        }
    }
}

const FIDO_AID: &[u8] = &[0xA0, 0x00, 0x00, 0x06, 0x47, 0x2F, 0x00, 0x01];
const OATH_AID: &[u8] = &[0xA0, 0x00, 0x00, 0x05, 0x27, 0x21, 0x01, 0x01];
const PIV_AID: &[u8] = &[
    0xA0, 0x00, 0x00, 0x03, 0x08, 0x00, 0x00, 0x10, 0x00, 0x01, 0x00,
];
const PPSE: &[u8] = b"2PAY.SYS.DDF01";
const VISA_AID: &[u8] = &[0xA0, 0x00, 0x00, 0x00, 0x03, 0x10, 0x10];

const SW_OK: [u8; 2] = [0x90, 0x00];
const SW_NOT_FOUND: [u8; 2] = [0x6A, 0x82];
const SW_INS: [u8; 2] = [0x6D, 0x00];
const SW_CLA: [u8; 2] = [0x6E, 0x00];
const SW_LENGTH: [u8; 2] = [0x67, 0x00];

/// One BER-TLV with a short (< 128 bytes) value.
fn tlv(tag: &[u8], value: &[u8]) -> Vec<u8> {
    let mut out = tag.to_vec();
    out.push(u8::try_from(value.len()).expect("short TLV"));
    out.extend_from_slice(value);
    out
}

/// `3B 8n 80 01 <historical bytes> TCK`: the ATR PC/SC makes up for an
/// ISO 14443-4 card from its historical bytes (PC/SC part 3, 3.1.3.2.3).
fn contactless_atr(historical: &[u8]) -> Vec<u8> {
    let mut atr = vec![0x3B, 0x80 | historical.len() as u8, 0x80, 0x01];
    atr.extend_from_slice(historical);
    let tck = atr[1..].iter().fold(0, |x, b| x ^ b);
    atr.push(tck);
    atr
}

/// A card of another kind, lying on the virtual reader.
#[derive(Debug, Clone)]
pub struct ForeignCard {
    kind: ForeignKind,
}

impl ForeignCard {
    /// A card of `kind`.
    pub fn new(kind: ForeignKind) -> ForeignCard {
        ForeignCard { kind }
    }

    /// What it plays.
    pub fn kind(&self) -> ForeignKind {
        self.kind
    }

    /// The applets it holds: full name and FCI (without status word).
    fn applets(&self) -> Vec<(&'static [u8], Vec<u8>)> {
        // U2F_V2: what a FIDO applet answers to SELECT (FIDO NFC protocol).
        let fido = (FIDO_AID, b"U2F_V2".to_vec());
        // Version and salt, no password set (Yubico OATH protocol).
        let oath = (OATH_AID, {
            let mut v = tlv(&[0x79], &[5, 7, 4]);
            v.extend(tlv(
                &[0x71],
                &[0x3C, 0x1A, 0x55, 0x07, 0xE2, 0x9B, 0x40, 0x11],
            ));
            v
        });
        // Application property template (NIST SP 800-73-4 part 2, 3.1.1).
        let piv = (PIV_AID, {
            let mut apt = tlv(&[0x4F], &PIV_AID[5..]);
            apt.extend(tlv(&[0x79], &tlv(&[0x4F], &PIV_AID[..5])));
            tlv(&[0x61], &apt)
        });
        match self.kind {
            ForeignKind::Fido => vec![fido],
            ForeignKind::YubiKeyOath => vec![oath, fido, piv],
            ForeignKind::Piv => vec![piv],
            ForeignKind::Emv => {
                // PPSE FCI: one directory entry for a Visa debit application.
                let mut entry = tlv(&[0x4F], VISA_AID);
                entry.extend(tlv(&[0x50], b"VISA DEBIT"));
                entry.extend(tlv(&[0x87], &[0x01]));
                let mut ppse = tlv(&[0x84], PPSE);
                ppse.extend(tlv(&[0xA5], &tlv(&[0xBF, 0x0C], &tlv(&[0x61], &entry))));
                let mut visa = tlv(&[0x84], VISA_AID);
                let mut prop = tlv(&[0x50], b"VISA DEBIT");
                prop.extend(tlv(&[0x87], &[0x01]));
                visa.extend(tlv(&[0xA5], &prop));
                vec![(PPSE, tlv(&[0x6F], &ppse)), (VISA_AID, tlv(&[0x6F], &visa))]
            }
        }
    }

    /// SELECT by DF name (`00 A4 04 0x`): a full name or a prefix of one
    /// of its applets ("partial selection", as these cards accept).
    fn select(&self, apdu: &[u8]) -> Vec<u8> {
        let Some(&lc) = apdu.get(4) else {
            return SW_LENGTH.to_vec();
        };
        let Some(name) = apdu.get(5..5 + usize::from(lc)) else {
            return SW_LENGTH.to_vec();
        };
        if name.is_empty() {
            return SW_NOT_FOUND.to_vec();
        }
        match self
            .applets()
            .into_iter()
            .find(|(aid, _)| aid.starts_with(name))
        {
            Some((_, mut fci)) => {
                fci.extend_from_slice(&SW_OK);
                fci
            }
            None => SW_NOT_FOUND.to_vec(),
        }
    }
}

impl VirtualCard for ForeignCard {
    fn atr(&self) -> Vec<u8> {
        match self.kind {
            // A Type A FIDO key with "FIDO" in its historical bytes.
            ForeignKind::Fido => {
                contactless_atr(&[0x80, 0x73, 0xC0, 0x21, 0xC0, b'F', b'I', b'D', b'O'])
            }
            // What a YubiKey 5 NFC shows: "YubiKey" in the historical bytes.
            ForeignKind::YubiKeyOath => contactless_atr(&[
                0x80, 0x73, 0xC0, 0x21, 0xC0, 0x57, b'Y', b'u', b'b', b'i', b'K', b'e', b'y',
            ]),
            ForeignKind::Piv => contactless_atr(&[0x80, 0x31, 0x80, 0x65, 0xB0, 0x83, 0x11]),
            // Type A payment cards usually send no historical bytes.
            ForeignKind::Emv => contactless_atr(&[]),
        }
    }

    fn process(&mut self, apdu: &[u8]) -> Vec<u8> {
        match apdu {
            [0x00, 0xA4, 0x04, 0x00 | 0x0C, ..] => self.select(apdu),
            [] | [_] | [_, _] | [_, _, _] => SW_LENGTH.to_vec(),
            // A payment card knows its proprietary class only once an
            // application is selected; the others know no such command.
            [0x80 | 0x84, ..] if self.kind == ForeignKind::Emv => SW_CLA.to_vec(),
            _ => SW_INS.to_vec(),
        }
    }

    fn end_session(&mut self) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    fn select(name: &[u8]) -> Vec<u8> {
        let mut apdu = vec![0x00, 0xA4, 0x04, 0x00, name.len() as u8];
        apdu.extend_from_slice(name);
        apdu.push(0x00);
        apdu
    }

    fn sw(answer: &[u8]) -> [u8; 2] {
        [answer[answer.len() - 2], answer[answer.len() - 1]]
    }

    const GET_INFO: &[u8] = &[0x80, 0x41, 0x00, 0x00, 0x02, 0x02, 0x11];

    #[test]
    fn each_card_answers_its_own_applets_only() {
        let ykman_oath = &OATH_AID[..7];
        let ykman_piv = &PIV_AID[..5];
        type Case<'a> = (ForeignKind, &'a [&'a [u8]], [u8; 2]);
        let table: [Case<'_>; 4] = [
            (ForeignKind::Fido, &[FIDO_AID], SW_INS),
            (
                ForeignKind::YubiKeyOath,
                &[ykman_oath, FIDO_AID, ykman_piv],
                SW_INS,
            ),
            (ForeignKind::Piv, &[ykman_piv, PIV_AID], SW_INS),
            (ForeignKind::Emv, &[PPSE, VISA_AID], SW_CLA),
        ];
        let all: [&[u8]; 5] = [FIDO_AID, ykman_oath, ykman_piv, PPSE, b"1PAY.SYS.DDF01"];
        for (kind, holds, to_token) in table {
            let mut card = ForeignCard::new(kind);
            for name in all {
                let answer = card.process(&select(name));
                let expected = if holds.contains(&name) {
                    SW_OK
                } else {
                    SW_NOT_FOUND
                };
                assert_eq!(sw(&answer), expected, "{kind:?} {name:02X?}");
            }
            assert_eq!(card.process(GET_INFO), to_token.to_vec(), "{kind:?}");
            assert_eq!(
                card.process(&[0x84, 0xC5, 0x01, 0x00, 0x00]),
                to_token.to_vec()
            );
        }
    }

    #[test]
    fn answers_are_plausible() {
        let fido = ForeignCard::new(ForeignKind::Fido).process(&select(FIDO_AID));
        assert_eq!(fido, b"U2F_V2\x90\x00");
        let ppse = ForeignCard::new(ForeignKind::Emv).process(&select(PPSE));
        assert_eq!(ppse[0], 0x6F);
        assert_eq!(usize::from(ppse[1]), ppse.len() - 4, "FCI length");
        let oath = ForeignCard::new(ForeignKind::YubiKeyOath).process(&select(&OATH_AID[..7]));
        assert_eq!(&oath[..5], &[0x79, 0x03, 5, 7, 4]);
        for kind in [
            ForeignKind::Fido,
            ForeignKind::YubiKeyOath,
            ForeignKind::Piv,
            ForeignKind::Emv,
        ] {
            let atr = ForeignCard::new(kind).atr();
            assert_eq!(&atr[..1], &[0x3B]);
            assert_eq!(atr[1..].iter().fold(0, |x, b| x ^ b), 0, "{kind:?} TCK");
            assert_eq!(usize::from(atr[1] & 0x0F), atr.len() - 5, "{kind:?}");
        }
        let yk = ForeignCard::new(ForeignKind::YubiKeyOath).atr();
        assert!(yk.windows(7).any(|w| w == b"YubiKey"));
    }
}
