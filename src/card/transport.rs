//! The one thing the burn workflow needs from a card: send APDU bytes, get
//! answer bytes. PC/SC readers, the in-process emulator and test fault
//! injectors all implement [`Transport`].

use thiserror::Error;

/// A failure to exchange an APDU (as opposed to an error status from the token).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum TransportError {
    /// The token left the reader (or was switched off) during the exchange.
    #[error("the token was removed")]
    TokenRemoved,
    /// No token on the reader.
    #[error("no token on the reader")]
    NoToken,
    /// No reader is plugged in.
    #[error("no reader")]
    NoReader,
    /// The reader was unplugged.
    #[error("the reader was unplugged")]
    ReaderRemoved,
    /// Another program holds the reader exclusively.
    #[error("the reader is in use by another program")]
    ReaderBusy,
    /// The smart-card service (pcscd / Windows "Smart Card") is not running.
    #[error("the smart-card service is not running")]
    ServiceUnavailable,
    /// The exchange took too long.
    #[error("the token did not answer in time")]
    Timeout,
    /// The transport is not available in this build or configuration.
    #[error("{what} is not available")]
    Unavailable {
        /// What was asked for.
        what: String,
    },
    /// `--reader` named no reader that exists.
    #[error("no reader matches {wanted:?}")]
    UnknownReader {
        /// What was asked for.
        wanted: String,
        /// Readers that exist.
        available: Vec<String>,
    },
    /// `--reader` matches several readers.
    #[error("{wanted:?} matches several readers")]
    AmbiguousReader {
        /// What was asked for.
        wanted: String,
        /// Readers it matches.
        matches: Vec<String>,
    },
    /// Tokens lie on several readers and none was chosen.
    #[error("tokens on several readers")]
    SeveralTokens {
        /// Readers holding a token.
        readers: Vec<String>,
    },
    /// Any other failure, with the driver's words.
    #[error("card communication failed: {detail}")]
    Other {
        /// The driver's description.
        detail: String,
    },
}

/// Sends command APDUs to a token and returns its answers (data + SW1 SW2).
pub trait Transport {
    /// Exchange one APDU.
    fn transmit(&mut self, apdu: &[u8]) -> Result<Vec<u8>, TransportError>;
    /// Name of the reader, for messages and records.
    fn reader_name(&self) -> String;
}

impl<T: Transport + ?Sized> Transport for Box<T> {
    fn transmit(&mut self, apdu: &[u8]) -> Result<Vec<u8>, TransportError> {
        (**self).transmit(apdu)
    }
    fn reader_name(&self) -> String {
        (**self).reader_name()
    }
}

/// One raw exchange: APDU bytes out, answer bytes back.
pub type SendFn<'a> = dyn FnMut(&[u8]) -> Result<Vec<u8>, TransportError> + 'a;

/// Most continuation rounds accepted before giving up on a looping token.
const MAX_CONTINUATIONS: usize = 16;

/// Exchange one APDU through `send`, following T=0 style continuations:
/// `61 XX` fetches the rest with GET RESPONSE `00 C0 00 00 XX`, `6C XX`
/// re-sends the command with Le = XX. The data of all parts is joined.
pub fn exchange_with_continuations(
    apdu: &[u8],
    send: &mut SendFn<'_>,
) -> Result<Vec<u8>, TransportError> {
    let mut answer = send(apdu)?;
    let mut data = Vec::new();
    for _ in 0..MAX_CONTINUATIONS {
        match answer.as_slice() {
            [.., 0x6C, le] => {
                let le = *le;
                let mut again = apdu.to_vec();
                if apdu.len() > 5 && apdu.len() == 5 + usize::from(apdu[4]) {
                    again.push(le); // case 3 -> case 4: add Le
                } else if apdu.len() == 4 {
                    again.push(le);
                } else if let Some(last) = again.last_mut() {
                    *last = le; // case 2 or 4: replace Le
                }
                answer = send(&again)?;
            }
            [head @ .., 0x61, remaining] => {
                data.extend_from_slice(head);
                answer = send(&[0x00, 0xC0, 0x00, 0x00, *remaining])?;
            }
            _ => {
                data.extend_from_slice(&answer);
                return Ok(data);
            }
        }
    }
    Err(TransportError::Other {
        detail: "the token kept asking for more exchanges".into(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    type Sent = std::rc::Rc<std::cell::RefCell<Vec<Vec<u8>>>>;

    fn scripted(
        answers: Vec<Vec<u8>>,
    ) -> (impl FnMut(&[u8]) -> Result<Vec<u8>, TransportError>, Sent) {
        let sent = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
        let log = sent.clone();
        let mut answers = answers.into_iter();
        (
            move |apdu: &[u8]| {
                log.borrow_mut().push(apdu.to_vec());
                Ok(answers.next().unwrap_or_else(|| vec![0x6F, 0x00]))
            },
            sent,
        )
    }

    #[test]
    fn plain_answer_passes_through() {
        let (mut send, sent) = scripted(vec![vec![1, 2, 0x90, 0x00]]);
        assert_eq!(
            exchange_with_continuations(&[0x80, 0x41, 0, 0, 2, 2, 0x11], &mut send).unwrap(),
            vec![1, 2, 0x90, 0x00]
        );
        assert_eq!(sent.borrow().len(), 1);
    }

    #[test]
    fn get_response_chains_are_joined() {
        let (mut send, sent) = scripted(vec![
            vec![0x61, 0x04],
            vec![1, 2, 0x61, 0x02],
            vec![3, 4, 0x90, 0x00],
        ]);
        let out = exchange_with_continuations(&[0x80, 0x4B, 8, 0, 1, 0], &mut send).unwrap();
        assert_eq!(out, vec![1, 2, 3, 4, 0x90, 0x00]);
        assert_eq!(sent.borrow()[1], vec![0x00, 0xC0, 0x00, 0x00, 0x04]);
        assert_eq!(sent.borrow()[2], vec![0x00, 0xC0, 0x00, 0x00, 0x02]);
    }

    #[test]
    fn wrong_le_is_resent() {
        let (mut send, sent) = scripted(vec![vec![0x6C, 0x1A], vec![9, 0x90, 0x00]]);
        let out = exchange_with_continuations(&[0x80, 0x41, 0, 0, 2, 2, 0x11], &mut send).unwrap();
        assert_eq!(out, vec![9, 0x90, 0x00]);
        assert_eq!(sent.borrow()[1], vec![0x80, 0x41, 0, 0, 2, 2, 0x11, 0x1A]);
        let (mut send, sent) = scripted(vec![vec![0x6C, 0x08], vec![0x90, 0x00]]);
        exchange_with_continuations(&[0x00, 0x84, 0, 0, 0x00], &mut send).unwrap();
        assert_eq!(sent.borrow()[1], vec![0x00, 0x84, 0, 0, 0x08]);
    }

    #[test]
    fn endless_continuations_stop() {
        let (mut send, _) = scripted(vec![vec![0x61, 0x01]; 100]);
        assert!(matches!(
            exchange_with_continuations(&[0x80, 0x41, 0, 0], &mut send),
            Err(TransportError::Other { .. })
        ));
    }
}
