//! What is this card, when it is not a programmable token? A strictly
//! read-only probe: ISO 7816 SELECT by name of a few well-known applets
//! (YubiKey OATH, FIDO/U2F, PIV, the EMV payment directories). SELECT only
//! chooses an applet; it never changes anything on the card, and nothing
//! else is ever sent.
//!
//! The probe runs only after the token's "get info" has failed in a way
//! that says "not our card", so a normal burn costs no extra APDU. The ATR
//! is no help here: behind a contactless reader PC/SC shows a pseudo-ATR
//! built from the card's historical bytes, which look alike for tokens,
//! FIDO keys and bank cards (only YubiKeys name themselves in it), and the
//! programmable tokens' own ATR is not documented.

use super::{Transport, TransportError};
use serde::Serialize;

/// A kind of card that is not a programmable TOTP token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum CardKind {
    /// A YubiKey, or another security key with a YubiKey-style OATH
    /// (authenticator) applet.
    YubiKey,
    /// A FIDO (U2F / FIDO2) security key.
    FidoKey,
    /// A PIV smart card (or a key with a PIV applet and nothing else we know).
    PivCard,
    /// An EMV payment card (bank card, credit card).
    PaymentCard,
}

/// The YubiKey OATH applet (the 7-byte prefix that `ykman` selects).
pub const AID_YUBIKEY_OATH: &[u8] = &[0xA0, 0x00, 0x00, 0x05, 0x27, 0x21, 0x01];
/// The FIDO U2F / FIDO2 applet.
pub const AID_FIDO: &[u8] = &[0xA0, 0x00, 0x00, 0x06, 0x47, 0x2F, 0x00, 0x01];
/// The PIV applet (NIST SP 800-73 RID + PIX prefix).
pub const AID_PIV: &[u8] = &[0xA0, 0x00, 0x00, 0x03, 0x08];
/// The EMV contactless payment directory, "2PAY.SYS.DDF01".
pub const PPSE: &[u8] = b"2PAY.SYS.DDF01";
/// The EMV contact payment directory, "1PAY.SYS.DDF01".
pub const PSE: &[u8] = b"1PAY.SYS.DDF01";

/// A name no card holds (a proprietary `F0` AID): asked after a positive
/// answer, so that a card saying "yes" to every SELECT (as some simple NFC
/// tags do) is not taken for what it is not.
pub const NO_SUCH_APPLET: &[u8] = &[0xF0, b'n', b'o', b'-', b's', b'u', b'c', b'h'];

/// What is asked, in order, and what a positive answer means. A YubiKey
/// also has FIDO and PIV applets, so its own applet is asked first.
const QUESTIONS: [(&[u8], CardKind); 5] = [
    (AID_YUBIKEY_OATH, CardKind::YubiKey),
    (AID_FIDO, CardKind::FidoKey),
    (AID_PIV, CardKind::PivCard),
    (PPSE, CardKind::PaymentCard),
    (PSE, CardKind::PaymentCard),
];

/// `00 A4 04 00 Lc <name> 00`: SELECT by DF name, first or only
/// occurrence, FCI asked for. Read-only by definition (ISO 7816-4 5.3.1).
pub fn select_by_name(name: &[u8]) -> Vec<u8> {
    debug_assert!(!name.is_empty() && name.len() <= 16);
    let mut apdu = vec![0x00, 0xA4, 0x04, 0x00, name.len() as u8];
    apdu.extend_from_slice(name);
    apdu.push(0x00);
    apdu
}

/// Whether an answer is `90 00` (the applet exists and was selected).
fn selected(answer: &[u8]) -> bool {
    answer.ends_with(&[0x90, 0x00])
}

/// Sees each probe command and its answer (`None` when the link failed).
pub type OnExchange<'a> = dyn FnMut(&[u8], Option<&[u8]>) + 'a;

/// Ask the card, one SELECT at a time, which known applet it holds; stop
/// at the first that answers, then check that the card refuses a name no
/// card holds. `on_exchange` sees every command and its answer (`None`
/// when the link failed), for the expert log. Returns `None` when nothing
/// known answered, the card accepts any name, or it left mid-probe: the
/// caller keeps its own error then.
pub fn probe(transport: &mut dyn Transport, on_exchange: &mut OnExchange<'_>) -> Option<CardKind> {
    let mut ask = |name: &[u8]| -> Option<bool> {
        let command = select_by_name(name);
        let answer: Result<Vec<u8>, TransportError> = transport.transmit(&command);
        on_exchange(&command, answer.as_deref().ok());
        answer.ok().map(|a| selected(&a))
    };
    for (name, kind) in QUESTIONS {
        if ask(name)? {
            return (!ask(NO_SUCH_APPLET)?).then_some(kind);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A card that answers `90 00` (with a little FCI) to the names it
    /// holds, `6A 82` to other SELECTs and `6D 00` to anything else.
    struct Scripted {
        holds: Vec<&'static [u8]>,
        sent: Vec<Vec<u8>>,
        remove_at: Option<usize>,
    }

    impl Scripted {
        fn holding(holds: &[&'static [u8]]) -> Scripted {
            Scripted {
                holds: holds.to_vec(),
                sent: Vec::new(),
                remove_at: None,
            }
        }
    }

    impl Transport for Scripted {
        fn transmit(&mut self, apdu: &[u8]) -> Result<Vec<u8>, TransportError> {
            self.sent.push(apdu.to_vec());
            if self.remove_at == Some(self.sent.len() - 1) {
                return Err(TransportError::TokenRemoved);
            }
            match apdu {
                [0x00, 0xA4, 0x04, 0x00, lc, rest @ ..] => {
                    let name = &rest[..usize::from(*lc)];
                    if self.holds.contains(&name) {
                        Ok(vec![0x6F, 0x02, 0x84, 0x00, 0x90, 0x00])
                    } else {
                        Ok(vec![0x6A, 0x82])
                    }
                }
                _ => Ok(vec![0x6D, 0x00]),
            }
        }
        fn reader_name(&self) -> String {
            "scripted".into()
        }
    }

    fn run(card: &mut Scripted) -> (Option<CardKind>, Vec<Option<Vec<u8>>>) {
        let mut answers = Vec::new();
        let kind = probe(card, &mut |_, a| answers.push(a.map(<[u8]>::to_vec)));
        (kind, answers)
    }

    #[test]
    fn select_command_bytes() {
        assert_eq!(
            select_by_name(AID_FIDO),
            vec![
                0x00, 0xA4, 0x04, 0x00, 0x08, 0xA0, 0x00, 0x00, 0x06, 0x47, 0x2F, 0x00, 0x01, 0x00
            ]
        );
        let ppse = select_by_name(PPSE);
        assert_eq!(&ppse[..5], &[0x00, 0xA4, 0x04, 0x00, 0x0E]);
        assert_eq!(&ppse[5..19], b"2PAY.SYS.DDF01");
        assert_eq!(ppse.len(), 20);
    }

    #[test]
    fn each_kind_is_recognised_by_its_applet() {
        // (applets held, kind, SELECTs sent: up to the hit, plus the control)
        type Case = (&'static [&'static [u8]], Option<CardKind>, usize);
        let table: [Case; 7] = [
            (&[AID_FIDO], Some(CardKind::FidoKey), 3),
            // A YubiKey holds FIDO and PIV too: its own applet decides.
            (
                &[AID_FIDO, AID_PIV, AID_YUBIKEY_OATH],
                Some(CardKind::YubiKey),
                2,
            ),
            (&[AID_PIV], Some(CardKind::PivCard), 4),
            (&[PPSE], Some(CardKind::PaymentCard), 5),
            (&[PSE], Some(CardKind::PaymentCard), 6),
            (&[b"some other applet"], None, 5),
            (&[], None, 5),
        ];
        for (holds, expected, asked) in table {
            let mut card = Scripted::holding(holds);
            let (kind, answers) = run(&mut card);
            assert_eq!(kind, expected, "{holds:?}");
            assert_eq!(card.sent.len(), asked, "{holds:?}");
            assert_eq!(answers.len(), asked, "every exchange is reported");
            if expected.is_some() {
                assert_eq!(card.sent.last(), Some(&select_by_name(NO_SUCH_APPLET)));
            }
        }
    }

    #[test]
    fn only_selects_are_sent() {
        for holds in [&[][..], &[AID_PIV][..]] {
            let mut card = Scripted::holding(holds);
            run(&mut card);
            assert!(
                card.sent.iter().all(|c| c[..4] == [0x00, 0xA4, 0x04, 0x00]
                    && c.len() == 6 + usize::from(c[4])),
                "{:02X?}",
                card.sent
            );
        }
    }

    #[test]
    fn a_card_that_leaves_mid_probe_is_not_classified() {
        for at in [1, 4] {
            let mut card = Scripted::holding(&[PPSE]);
            card.remove_at = Some(at);
            let (kind, answers) = run(&mut card);
            assert_eq!(kind, None, "removed at {at}");
            assert_eq!(card.sent.len(), at + 1, "no question after the card left");
            assert_eq!(answers.last(), Some(&None));
        }
    }

    #[test]
    fn error_odd_and_yes_to_everything_answers_are_not_a_match() {
        struct Odd(Vec<u8>);
        impl Transport for Odd {
            fn transmit(&mut self, _: &[u8]) -> Result<Vec<u8>, TransportError> {
                Ok(self.0.clone())
            }
            fn reader_name(&self) -> String {
                "odd".into()
            }
        }
        for answer in [
            vec![],
            vec![0x90],
            vec![0x6E, 0x00],
            vec![0x90, 0x00, 0x6A],
            vec![0x90, 0x00],
            vec![0x79, 0x00, 0x90, 0x00],
        ] {
            assert_eq!(
                probe(&mut Odd(answer.clone()), &mut |_, _| {}),
                None,
                "{answer:02X?}"
            );
        }
    }
}
