//! The info record returned by "get info": serial number and token clock.

use super::status::InfoError;

/// What the token says about itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenInfo {
    /// Serial number (ASCII digits on known tokens).
    pub serial: String,
    /// The token's clock, Unix seconds UTC.
    pub clock: u32,
}

/// Parse an info record (the data part of the answer, without `90 00`).
///
/// Layout: 3 opaque bytes, serial length N, N ASCII bytes, 2 bytes skipped,
/// 4-byte big-endian clock. Trailing bytes are ignored.
pub fn parse_info(record: &[u8]) -> Result<TokenInfo, InfoError> {
    let len = record.len();
    let &serial_len = record.get(3).ok_or(InfoError::TooShort { len })?;
    let serial_len = usize::from(serial_len);
    let serial_end = 4 + serial_len;
    let clock_start = serial_end + 2;
    if len < clock_start + 4 {
        return Err(if len < serial_end {
            InfoError::SerialPastEnd { serial_len, len }
        } else {
            InfoError::TooShort { len }
        });
    }
    let serial_bytes = &record[4..serial_end];
    if serial_bytes.is_empty() || !serial_bytes.iter().all(|b| b.is_ascii_graphic()) {
        return Err(InfoError::BadSerial);
    }
    let serial = String::from_utf8_lossy(serial_bytes).into_owned();
    let clock_bytes: [u8; 4] = record[clock_start..clock_start + 4]
        .try_into()
        .map_err(|_| InfoError::TooShort { len })?;
    Ok(TokenInfo {
        serial,
        clock: u32::from_be_bytes(clock_bytes),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn hex(s: &str) -> Vec<u8> {
        data_encoding::HEXLOWER_PERMISSIVE
            .decode(s.as_bytes())
            .unwrap()
    }

    #[test]
    fn known_answer_info() {
        let answer = hex("0000000e383635393632323030303030303100006b0a62579000");
        let data = super::super::status::check_response(0x41, &answer).unwrap();
        let info = parse_info(data).unwrap();
        assert_eq!(info.serial, "86596220000001");
        assert_eq!(info.clock, 0x6b0a6257);
    }

    #[test]
    fn malformed_records_are_errors() {
        assert_eq!(parse_info(&[]), Err(InfoError::TooShort { len: 0 }));
        assert_eq!(parse_info(&[0, 0, 0]), Err(InfoError::TooShort { len: 3 }));
        // Length byte says 14, only 2 bytes follow.
        assert_eq!(
            parse_info(&[0, 0, 0, 14, b'8', b'6']),
            Err(InfoError::SerialPastEnd {
                serial_len: 14,
                len: 6
            })
        );
        // Length byte 255 on a short record.
        assert!(matches!(
            parse_info(&[0, 0, 0, 255]),
            Err(InfoError::SerialPastEnd { .. })
        ));
        // Serial fits but clock is cut short.
        assert_eq!(
            parse_info(&[0, 0, 0, 1, b'8', 0, 0, 1, 2]),
            Err(InfoError::TooShort { len: 9 })
        );
        // Empty serial.
        assert_eq!(
            parse_info(&[0, 0, 0, 0, 0, 0, 1, 2, 3, 4]),
            Err(InfoError::BadSerial)
        );
        // Non-printable serial.
        assert_eq!(
            parse_info(&[0, 0, 0, 1, 0x07, 0, 0, 1, 2, 3, 4]),
            Err(InfoError::BadSerial)
        );
    }

    proptest! {
        #[test]
        fn never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            let _ = parse_info(&bytes);
        }
    }
}
