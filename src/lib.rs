//! php-ipc: PHP's process and IPC extensions (sysvmsg, sysvsem, sysvshm,
//! posix, sockets, event, shmop) in memory-safe Rust, loaded as one .so.
//!
//! The main module is `ipc`; each replaced extension is a group registered as
//! its own module entry at MINIT (see [`php::module`]).

pub mod event;
pub mod ipc_ns;
pub mod php;
pub mod posix;
pub mod shmop;
pub mod sockets;
pub mod sys;
pub mod sysvmsg;
pub mod sysvsem;
pub mod sysvshm;

use ext_php_rs::prelude::*;
use ext_php_rs::zend::ModuleEntry;
use php::module::{self, GroupTable, Slot, Status};
use std::os::raw::c_int;

static SLOTS: [Slot; 7] = [
    Slot::new(&sysvmsg::GROUP),
    Slot::new(&posix::GROUP),
    Slot::new(&sockets::GROUP),
    Slot::new(&sysvsem::GROUP),
    Slot::new(&sysvshm::GROUP),
    Slot::new(&event::GROUP),
    Slot::new(&shmop::GROUP),
];

struct Groups;
impl GroupTable for Groups {
    fn slots() -> &'static [Slot] {
        &SLOTS
    }
}

/// Main MINIT: registers every group (or defers it to a loaded native extension).
pub fn ipc_minit(ty: i32, _module_number: i32) -> i32 {
    php::call::install_panic_hook();
    unsafe {
        module::register_group::<Groups, 0>(ty as c_int);
        module::register_group::<Groups, 1>(ty as c_int);
        module::register_group::<Groups, 2>(ty as c_int);
        module::register_group::<Groups, 3>(ty as c_int);
        module::register_group::<Groups, 4>(ty as c_int);
        module::register_group::<Groups, 5>(ty as c_int);
        module::register_group::<Groups, 6>(ty as c_int);
        php::register::functions(ipc_ns::functions(), ty as c_int);
    }
    0
}

extern "C" fn ipc_info(_module: *mut ModuleEntry) {
    let mut rows = vec![
        ("php-ipc support".to_string(), "enabled".to_string()),
        ("Version".to_string(), env!("CARGO_PKG_VERSION").to_string()),
        ("Built for".to_string(), format!("PHP {} (API {})", env!("PHP_IPC_PHP_VERSION"), env!("PHP_IPC_PHP_API"))),
    ];
    for s in Groups::slots() {
        let name = s.group.name.to_string_lossy().into_owned();
        let st = match s.status() {
            Status::Active => "active".to_string(),
            Status::Deferred => format!("deferred to the native {name} extension"),
            Status::Failed => "failed to start".to_string(),
            Status::NotLoaded => "not loaded".to_string(),
        };
        rows.push((format!("group {name}"), st));
    }
    module::info_table(&rows);
}

#[php_module]
#[php(startup = "ipc_minit")]
pub fn get_module(module: ModuleBuilder) -> ModuleBuilder {
    module.name("ipc").version(env!("CARGO_PKG_VERSION")).info_function(ipc_info)
}
