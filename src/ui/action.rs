//! What the store holds besides the session, and the [`Action`]s that
//! change it. Plain data, so tests build them freely.

use crate::keymap::ArticleKey;
use crate::model::format::Imported;
use crate::model::library::LibraryKey;
use crate::model::{
    AnnotationId, Article, CharOffset, Command, Fields, RelationId, Session, TagId, TextRange,
};

/// A message in the notice bar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    Info(String),
    /// Something the user tried failed; nothing was changed.
    Error(String),
    /// Work under way (a large file loading), `percent` done; can be cancelled.
    Progress {
        label: String,
        percent: u8,
    },
}

/// A span waiting for its tag in the chooser, or an annotation being edited
/// there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pending {
    pub range: TextRange,
    /// The annotation being edited; `None` for a new one.
    pub editing: Option<AnnotationId>,
    /// The tag focused when the chooser opens.
    pub tag: TagId,
    /// The note the chooser starts with.
    pub note: String,
    /// The fields the chooser starts with (the annotation's when editing).
    pub fields: Fields,
}

/// The reading cursor, which is also the selection: `head` moves, `anchor`
/// stays while Shift is held; the selection lies between them (either
/// order). The one owner of the selection: the DOM selection is its view.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Cursor {
    pub anchor: CharOffset,
    pub head: CharOffset,
}

impl Cursor {
    /// A collapsed cursor at `offset`.
    pub fn at(offset: CharOffset) -> Self {
        Self {
            anchor: offset,
            head: offset,
        }
    }

    /// The selection, start before end.
    pub fn range(self) -> TextRange {
        let (start, end) = if self.anchor <= self.head {
            (self.anchor, self.head)
        } else {
            (self.head, self.anchor)
        };
        TextRange::new(start, end).expect("start <= end")
    }

    pub fn is_collapsed(self) -> bool {
        self.anchor == self.head
    }
}

/// An annotation file whose article is another version of the open one.
#[derive(Debug)]
pub struct Offer {
    /// The file's name, as the user knows it.
    pub name: String,
    /// The file as opened (its own article).
    pub file: Imported,
    /// The older version is this library article (not a file): opening
    /// "its version" opens it from the library.
    pub library: Option<LibraryKey>,
}

/// Whether changes are saved in the browser.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Saving {
    On,
    /// The browser keeps no library (IndexedDB unavailable): work lives in
    /// the tab only.
    Off,
}

/// Which library article the session is: what the saver writes to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Kept {
    pub key: LibraryKey,
    /// The article generation ([`super::doc::Doc::generation`]) it names.
    pub generation: u64,
    /// When the article was first kept (RFC 3339).
    pub added: String,
    /// The library holds the session as of its revision (it was restored
    /// from there); false: the saver is to write it whole.
    pub stored: bool,
    /// Made for this session (its label is written with it).
    pub new: bool,
}

/// An agreement report and the annotators' files it compared (read
/// again to adjudicate them).
#[derive(Debug)]
pub struct Compared {
    pub report: crate::model::exchange::job::AgreeReply,
    pub files: Vec<(String, Vec<u8>)>,
}

impl PartialEq for Compared {
    fn eq(&self, other: &Self) -> bool {
        self.report == other.report
    }
}

/// Something the user asked for, or an event the page reports.
#[derive(Clone, Debug)]
pub enum Action {
    /// Ctrl+Enter: open the chooser on the selection (the cursor).
    OpenChooser,
    /// Tag the span in the chooser, or save the annotation being edited,
    /// with the chooser's note and `fields` (those the tag takes are kept).
    Tag {
        tag: TagId,
        note: String,
        fields: Fields,
        id: AnnotationId,
        at: String,
    },
    CloseChooser,
    /// A model command as it stands (the panel's retag, note and delete):
    /// applied and announced, or its problem shown.
    Apply(Command),
    Undo,
    Redo,
    /// Replace the article (annotations are discarded); `note` says how it
    /// was read.
    Open {
        article: Article,
        note: Option<String>,
    },
    /// Replace article and annotations with an imported file.
    Import(Box<Imported>),
    /// An annotation file made on another version of the open article:
    /// ask whether to carry its annotations over ([`super::carry_dialog`]).
    OfferCarry(std::rc::Rc<Offer>),
    /// Close that question, doing nothing.
    CloseOffer,
    /// A: attach the selection to the picked orphan (see `pick_orphan`).
    Attach {
        at: String,
    },
    /// Pick the orphan that A attaches.
    PickOrphan(AnnotationId),
    /// The session was downloaded as `file_name`.
    Exported {
        file_name: String,
    },
    Notify(Notice),
    Dismiss,
    /// Focus an annotation (from the panel), or none.
    Focus(Option<AnnotationId>),
    /// Show or hide the paste box.
    Pasting(bool),
    /// The document selection changed: the cursor it shows, `None` when it
    /// is not in the article (the cursor collapses where it was);
    /// `clipped` when it reaches beyond the article.
    Selected {
        cursor: Option<Cursor>,
        clipped: bool,
    },
    /// A mouse button went up after selecting, or after a press in the
    /// article (`click`): snap the selection to whole words (unless `exact`,
    /// Alt held); after a click that selected nothing, focus the annotation
    /// under the cursor (again: the next one over it). Always renders
    /// again, so that the selection view shows the result.
    Pointer {
        exact: bool,
        click: bool,
    },
    /// A key of the article; `at` stamps a change it makes.
    Key {
        key: ArticleKey,
        at: String,
    },
    /// Show or hide the shortcut help.
    Help(bool),
    /// Open or close the library view.
    Library(bool),
    /// Teammates' changes from the shared database (a [`Command::Merge`]):
    /// applied as one undo step and announced; the focus, the notice and
    /// the chooser stay as they are.
    Merge(Command),
    /// Show the agreement report of compared annotators, or close it.
    Agreement(Option<std::rc::Rc<Compared>>),
    /// Start adjudicating: the union of the annotators' spans and their
    /// disagreements; the gold becomes the open session.
    Adjudicate(Box<(Session, crate::model::agreement::adjudicate::Adjudication)>),
    /// Select disagreement `i` (from the panel's list).
    GoToDisagreement(usize),
    /// Set the annotator name (cleaned by [`crate::model::limits::creator_name`];
    /// empty: none) that new annotations carry.
    Annotator(String),
    /// Open or close the Tags dialog (its changes are [`Action::Apply`]).
    Tags(bool),
    /// Show the page clutter that extraction left out, or not.
    ShowAll(bool),
    /// Show `session` from the library (as article `key`, first kept at
    /// the time given), or as a new article (`None`); at start, after a
    /// change in another tab, or opened from the library view. `saving`:
    /// set how changes are saved; `resume`: the adjudication kept with a
    /// gold article.
    Restore {
        session: Box<Session>,
        kept: Option<(LibraryKey, String)>,
        notice: Option<Notice>,
        saving: Option<Saving>,
        resume: super::adjudicating::Resume,
    },
    /// The saver made library article `key` for the session of `generation`
    /// at `added`.
    Kept {
        key: LibraryKey,
        generation: u64,
        added: String,
    },
    /// Open the link dialog on the focused annotation (L, or the panel).
    OpenLink,
    /// In the link dialog: pick the relation (index into its options).
    LinkOption(usize),
    /// In the link dialog: the text candidates must contain.
    LinkFilter(String),
    /// In the link dialog: highlight the next or previous candidate.
    LinkMove {
        forward: bool,
    },
    /// Link to `to` (a clicked candidate), else to the highlighted one; `id`
    /// and `at` name and stamp the relation.
    LinkTo {
        to: Option<AnnotationId>,
        id: RelationId,
        at: String,
    },
    CloseLink,
    /// Open the chooser to edit annotation `id` (the panel's Edit).
    Edit(AnnotationId),
    /// What the panel lists.
    Filter(super::worklist::Filter),
}
