//! The state the app starts in: the session saved in this browser, else
//! the sample article. Saved work that fails the import checks is set
//! aside; if even that fails, it is left where it is and saving pauses.

use super::messages;
use super::store::{Notice, Saving, State};
use crate::model::{format, sample::sample_article, Session};
use crate::web::storage;

pub struct Boot {
    pub state: State,
    /// Storage holds the session the app starts with.
    pub stored: bool,
}

pub fn boot() -> Boot {
    let sample = || Session::new(sample_article());
    let Some((doc, dirty)) = storage::load() else {
        return Boot {
            state: State::new(sample(), None, Saving::On),
            stored: false,
        };
    };
    match format::import(doc.as_bytes()).and_then(format::Imported::all_placed) {
        Ok(imported) => {
            let mut session = imported.session;
            session.set_unexported(dirty);
            Boot {
                state: State::new(session, None, Saving::On),
                stored: true,
            }
        }
        Err(e) => {
            let (message, saving) = match storage::set_aside(&doc) {
                Ok(()) => (messages::restore_failed_kept(&e), Saving::On),
                Err(aside) => (messages::restore_failed_paused(&e, &aside), Saving::Paused),
            };
            Boot {
                state: State::new(sample(), Some(Notice::Error(message)), saving),
                stored: false,
            }
        }
    }
}
