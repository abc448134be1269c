//! Values: the one-word `Value`, the heap object layout, and the GIL-guarded globals.

pub mod gil;
pub mod layout;
pub mod value;

pub use layout::{Header, Kind, Obj, Payload};
pub use value::Value;
