//! The pure model: article text, code-point offsets, spans, the tag set,
//! the annotation set with its relations and undoable commands, anchoring,
//! and the file formats.
//!
//! Architecture invariant: nothing here imports yew, web_sys, gloo, js_sys or
//! wasm_bindgen, so all of it is tested natively.

pub mod agreement;
mod annotation;
mod article;
pub mod case;
mod change;
mod change_log;
mod command;
pub mod cursor;
pub mod exchange;
pub mod format;
mod id;
pub mod library;
pub mod limits;
pub mod load;
pub mod markup;
pub mod number;
mod offset;
mod problem;
mod range;
pub mod reanchor;
mod relation;
pub mod sample;
pub mod schema;
pub mod segment;
pub mod selector;
mod session;
mod slug;
pub mod sort;
pub mod sync;
mod text;

pub use annotation::{Annotation, AnnotationId, Fields};
pub use article::{Article, Block, BlockKind, Inline, InlineKind, Metadata};
pub use change::{Change, Effect};
pub use change_log::Touched;
pub use command::{Command, Disposal};
pub use offset::{ByteOffset, CharOffset, Utf16Offset};
pub use problem::Problem;
pub use range::TextRange;
pub use relation::{Relation, RelationId};
pub use schema::{
    Cue, FieldDef, FieldId, FieldKind, FieldProblem, FieldValue, RelationType, RelationTypeId,
    Schema, SchemaParts, SchemaProblem, TagDef, TagId,
};
pub use session::{overlap_regions, MergeView, Session, Step};
pub use slug::slug;
pub use text::Text;
