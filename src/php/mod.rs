//! Shared glue between the engine and the groups: argument parsing, arginfo,
//! classes, errors, serialization and sub-module registration.

pub mod alloc;
pub mod args;
pub mod call;
pub mod class;
pub mod error;
pub mod fd;
pub mod ffi;
pub mod func;
pub mod module;
pub mod path;
pub mod register;
pub mod serialize;
pub mod stream;
pub mod types;
pub mod version;
pub mod zv;

pub use args::Args;
pub use error::{PhpResult, Thrown};
pub use func::FnDef;
pub use types::Type;
