//! Word between the tabs of this app (a `BroadcastChannel`): a tab that
//! wrote article `a` to the library says so, and a tab that shows `a`
//! reads it back; a change to the library's labels is said too, so open
//! library views list it. A message is `<kind> <tab> <article>`.

use crate::model::library::LibraryKey;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{BroadcastChannel, MessageEvent};

const CHANNEL: &str = "annotator-library";

/// What another tab said.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Heard {
    /// It wrote a change of `article`'s annotations, relations or tag set.
    Changed(LibraryKey),
    /// It changed the library's list (labels, the bin, a new article).
    Listed,
}

/// This tab's end of the channel; dropping it stops listening.
pub struct Tabs {
    channel: BroadcastChannel,
    tab: String,
    _listener: Closure<dyn FnMut(MessageEvent)>,
}

impl Tabs {
    /// Listen as tab `tab` (messages a tab sends are not heard by itself).
    /// `None` where the browser has no `BroadcastChannel`.
    pub fn new(tab: String, on_heard: impl Fn(Heard) + 'static) -> Option<Self> {
        let channel = BroadcastChannel::new(CHANNEL).ok()?;
        let me = tab.clone();
        let listener = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            let Some(text) = e.data().as_string() else {
                return;
            };
            let mut parts = text.splitn(3, ' ');
            let (kind, from, article) = (parts.next(), parts.next(), parts.next());
            if from == Some(me.as_str()) {
                return;
            }
            match (kind, article) {
                (Some("changed"), Some(a)) => on_heard(Heard::Changed(LibraryKey::new(a))),
                (Some("listed"), _) => on_heard(Heard::Listed),
                _ => {}
            }
        });
        channel.set_onmessage(Some(listener.as_ref().unchecked_ref()));
        Some(Self {
            channel,
            tab,
            _listener: listener,
        })
    }

    /// Say that this tab wrote a change of `article`.
    pub fn changed(&self, article: &LibraryKey) {
        let _ = self
            .channel
            .post_message(&format!("changed {} {article}", self.tab).into());
    }

    /// Say that this tab changed the library's list.
    pub fn listed(&self) {
        let _ = self
            .channel
            .post_message(&format!("listed {} -", self.tab).into());
    }
}

impl Drop for Tabs {
    fn drop(&mut self) {
        self.channel.set_onmessage(None);
        self.channel.close();
    }
}
