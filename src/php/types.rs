//! PHP type declarations for arginfo (`zend_type`), as gen_stub.php emits them.

use std::ffi::CStr;

pub const MAY_BE_NULL: u32 = 1 << 1;
pub const MAY_BE_FALSE: u32 = 1 << 2;
pub const MAY_BE_TRUE: u32 = 1 << 3;
pub const MAY_BE_BOOL: u32 = MAY_BE_FALSE | MAY_BE_TRUE;
pub const MAY_BE_LONG: u32 = 1 << 4;
pub const MAY_BE_DOUBLE: u32 = 1 << 5;
pub const MAY_BE_STRING: u32 = 1 << 6;
pub const MAY_BE_ARRAY: u32 = 1 << 7;
pub const MAY_BE_OBJECT: u32 = 1 << 8;
pub const MAY_BE_RESOURCE: u32 = 1 << 9;
pub const MAY_BE_ANY: u32 = 0x3fe;
pub const MAY_BE_CALLABLE: u32 = 1 << 12;
pub const MAY_BE_VOID: u32 = 1 << 14;
pub const MAY_BE_STATIC: u32 = 1 << 15;
pub const MAY_BE_NEVER: u32 = 1 << 17;
/// The kind bit of a class type whose `ptr` is a C string, as internal
/// arginfo declares it (ZEND_TYPE_INIT_CLASS_CONST): `_ZEND_TYPE_NAME_BIT`
/// up to PHP 8.2; PHP 8.3 gave C strings their own `_ZEND_TYPE_LITERAL_NAME_BIT`
/// (`_ZEND_TYPE_NAME_BIT` there means a `zend_string *`).
#[cfg(not(php83))]
pub const TYPE_NAME_BIT: u32 = 1 << 24;
#[cfg(php83)]
pub const TYPE_NAME_BIT: u32 = 1 << 23;
pub const SEND_BY_REF: u32 = 1 << 25;
pub const IS_VARIADIC: u32 = 1 << 27;

/// A declared PHP type: a mask of builtin types plus an optional class name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Type {
    pub mask: u32,
    pub class: Option<&'static CStr>,
}

impl Type {
    /// No declared type (`$x`).
    pub const NONE: Type = Type::mask(0);
    pub const MIXED: Type = Type::mask(MAY_BE_ANY);
    pub const INT: Type = Type::mask(MAY_BE_LONG);
    pub const FLOAT: Type = Type::mask(MAY_BE_DOUBLE);
    pub const BOOL: Type = Type::mask(MAY_BE_BOOL);
    pub const TRUE: Type = Type::mask(MAY_BE_TRUE);
    pub const FALSE: Type = Type::mask(MAY_BE_FALSE);
    pub const STRING: Type = Type::mask(MAY_BE_STRING);
    pub const ARRAY: Type = Type::mask(MAY_BE_ARRAY);
    pub const NULL: Type = Type::mask(MAY_BE_NULL);
    pub const VOID: Type = Type::mask(MAY_BE_VOID);
    pub const CALLABLE: Type = Type::mask(MAY_BE_CALLABLE);
    pub const OBJECT: Type = Type::mask(MAY_BE_OBJECT);

    pub const fn mask(mask: u32) -> Type {
        Type { mask, class: None }
    }
    pub const fn class(name: &'static CStr) -> Type {
        Type { mask: TYPE_NAME_BIT, class: Some(name) }
    }
    /// `self | other`: builtin masks are merged; at most one class name.
    pub const fn or(self, other: Type) -> Type {
        Type {
            mask: self.mask | other.mask,
            class: match self.class {
                Some(c) => Some(c),
                None => other.class,
            },
        }
    }
    pub const fn nullable(self) -> Type {
        self.or(Type::NULL)
    }
}
