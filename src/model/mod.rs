//! The pure model: article text, code-point offsets, spans, the annotation
//! set with undoable commands, anchoring, and the file formats.
//!
//! Architecture invariant: nothing here imports yew, web_sys, gloo, js_sys or
//! wasm_bindgen, so all of it is tested natively.

mod annotation;
mod article;
mod change_log;
mod command;
pub mod cursor;
pub mod format;
pub mod load;
pub mod markup;
mod offset;
mod range;
pub mod sample;
pub mod selector;
mod session;
mod slug;
mod tag;
mod text;

pub use annotation::{Annotation, AnnotationId};
pub use article::{Article, Block, BlockKind, Inline, InlineKind, Metadata};
pub use command::{Change, Command, Problem};
pub use offset::{ByteOffset, CharOffset, Utf16Offset};
pub use range::TextRange;
pub use session::{overlap_regions, Session};
pub use slug::slug;
pub use tag::Tag;
pub use text::Text;
