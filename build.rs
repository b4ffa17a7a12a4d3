//! Build checks for php-ipc.
//!
//! ext-php-rs generates the engine bindings from the headers of the `php`
//! found on PATH (or $PHP). This script states which PHP the build targets
//! (shown by `php --ri ipc`), sets the per-version cfg flags from the PHP API
//! number, refuses a ZTS PHP, and, when the prerequisites are missing, says
//! which Debian packages provide them instead of leaving a bindgen panic as
//! the only clue.
//!
//! cfg flags (cumulative, like ext-php-rs's): `php83` for API >= 20230831
//! (PHP 8.3), `php84` for API >= 20240924 (PHP 8.4). Every version difference
//! in the code is keyed on these flags; `src/php/version.rs` gathers them.

use std::process::Command;

/// (cfg flag, first PHP API number of that version). Supported: 8.2 to 8.4.
const VERSIONS: &[(&str, u32)] = &[("php83", 20230831), ("php84", 20240924)];
const OLDEST_API: u32 = 20220829; // PHP 8.2
const NEWEST_API: u32 = 20240924; // PHP 8.4

fn run(cmd: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(cmd).args(args).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// `php8.4-dev` on Debian 13, `php8.2-dev` on Debian 12.
fn dev_package(version: Option<&str>) -> String {
    let mm = version.map(|v| v.split('.').take(2).collect::<Vec<_>>().join(".")).unwrap_or_else(|| "8.x".into());
    format!("php{mm}-dev")
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=PHP");
    println!("cargo:rerun-if-env-changed=PHP_CONFIG");
    println!("cargo:rerun-if-env-changed=PATH");
    for (flag, _) in VERSIONS {
        println!("cargo::rustc-check-cfg=cfg({flag})");
    }
    let php = std::env::var("PHP").unwrap_or_else(|_| "php".into());
    let php_config = std::env::var("PHP_CONFIG").unwrap_or_else(|_| "php-config".into());

    let Some(version) = run(&php, &["-n", "-r", "echo PHP_VERSION;"]) else {
        panic!("php-ipc: `{php}` was not found. Install PHP's CLI and development files (Debian 12: apt-get install php8.2-cli php8.2-dev; Debian 13: php8.4-cli php8.4-dev), or run scripts/setup.sh");
    };
    let dev = dev_package(Some(&version));
    let Some(api) = run(&php_config, &["--phpapi"]) else {
        panic!("php-ipc: `{php_config}` was not found: PHP's development files are missing. Install them: apt-get install {dev} (or run scripts/setup.sh)");
    };
    let include = run(&php_config, &["--include-dir"]).unwrap_or_default();
    if !std::path::Path::new(&include).join("main/php.h").exists() {
        panic!("php-ipc: PHP headers not found under `{include}`. Install {dev}.");
    }
    // The headers' version must be the binary's: bindings come from one, the
    // .so is loaded by the other.
    if let Some(cfg_version) = run(&php_config, &["--version"]) {
        if cfg_version != version {
            panic!("php-ipc: `{php}` is PHP {version} but `{php_config}` describes PHP {cfg_version}; set PHP and PHP_CONFIG to the same installation");
        }
    }
    let Ok(api_num) = api.parse::<u32>() else {
        panic!("php-ipc: `{php_config} --phpapi` printed `{api}`, not an API number");
    };
    // php-ipc keeps per-process state in plain statics and never uses TSRM
    // globals: a thread-safe PHP would load it and misbehave.
    let zts = run(&php, &["-n", "-r", "echo PHP_ZTS;"]).unwrap_or_default();
    if zts == "1" {
        panic!("php-ipc: `{php}` (PHP {version}) is a thread-safe (ZTS) build; php-ipc supports only non-thread-safe (NTS) PHP. Build against an NTS PHP (Debian's php8.x-cli packages are NTS).");
    }
    if api_num < OLDEST_API {
        panic!("php-ipc: PHP {version} (API {api}) is too old; php-ipc supports PHP 8.2 to 8.4");
    }
    if api_num > NEWEST_API {
        println!(
            "cargo:warning=php-ipc supports PHP 8.2 to 8.4; building against PHP {version} (API {api}) is untested"
        );
    }
    let has_libclang =
        ["/usr/lib/llvm-14/lib", "/usr/lib/llvm-19/lib", "/usr/lib/x86_64-linux-gnu", "/usr/lib"].iter().any(|d| {
            std::fs::read_dir(d)
                .map(|it| it.flatten().any(|e| e.file_name().to_string_lossy().starts_with("libclang")))
                .unwrap_or(false)
        });
    if !has_libclang {
        println!("cargo:warning=php-ipc: libclang not found; bindgen needs it: apt-get install libclang-dev");
    }
    for (flag, since) in VERSIONS {
        if api_num >= *since {
            println!("cargo:rustc-cfg={flag}");
        }
    }
    println!("cargo:rustc-env=PHP_IPC_PHP_VERSION={version}");
    println!("cargo:rustc-env=PHP_IPC_PHP_API={api}");
}
