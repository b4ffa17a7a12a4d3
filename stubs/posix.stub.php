<?php

/**
 * ext/posix as provided by php-ipc (group "posix"). Same signatures as
 * PHP 8.2's ext/posix/posix.stub.php; constant values are Linux's.
 *
 * @generate-class-entries
 */

/** @var int */
const POSIX_F_OK = 0;
/** @var int */
const POSIX_X_OK = 1;
/** @var int */
const POSIX_W_OK = 2;
/** @var int */
const POSIX_R_OK = 4;
/** @var int */
const POSIX_S_IFREG = 32768;
/** @var int */
const POSIX_S_IFCHR = 8192;
/** @var int */
const POSIX_S_IFBLK = 24576;
/** @var int */
const POSIX_S_IFIFO = 4096;
/** @var int */
const POSIX_S_IFSOCK = 49152;
/** @var int */
const POSIX_RLIMIT_AS = 9;
/** @var int */
const POSIX_RLIMIT_CORE = 4;
/** @var int */
const POSIX_RLIMIT_CPU = 0;
/** @var int */
const POSIX_RLIMIT_DATA = 2;
/** @var int */
const POSIX_RLIMIT_FSIZE = 1;
/** @var int */
const POSIX_RLIMIT_LOCKS = 10;
/** @var int */
const POSIX_RLIMIT_MEMLOCK = 8;
/** @var int */
const POSIX_RLIMIT_MSGQUEUE = 12;
/** @var int */
const POSIX_RLIMIT_NICE = 13;
/** @var int */
const POSIX_RLIMIT_NOFILE = 7;
/** @var int */
const POSIX_RLIMIT_NPROC = 6;
/** @var int */
const POSIX_RLIMIT_RSS = 5;
/** @var int */
const POSIX_RLIMIT_RTPRIO = 14;
/** @var int */
const POSIX_RLIMIT_RTTIME = 15;
/** @var int */
const POSIX_RLIMIT_SIGPENDING = 11;
/** @var int */
const POSIX_RLIMIT_STACK = 3;
/** @var int */
const POSIX_RLIMIT_INFINITY = -1;

function posix_kill(int $process_id, int $signal): bool {}

function posix_getpid(): int {}

function posix_getppid(): int {}

function posix_getuid(): int {}

function posix_setuid(int $user_id): bool {}

function posix_geteuid(): int {}

function posix_seteuid(int $user_id): bool {}

function posix_getgid(): int {}

function posix_setgid(int $group_id): bool {}

function posix_getegid(): int {}

function posix_setegid(int $group_id): bool {}

/** @return array<int, int>|false */
function posix_getgroups(): array|false {}

function posix_getlogin(): string|false {}

function posix_getpgrp(): int {}

/** Returns the new session id, or -1 (posix_get_last_error() is not set). */
function posix_setsid(): int {}

function posix_setpgid(int $process_id, int $process_group_id): bool {}

function posix_getpgid(int $process_id): int|false {}

function posix_getsid(int $process_id): int|false {}

/**
 * @return array{sysname: string, nodename: string, release: string, version: string, machine: string, domainname: string}|false
 */
function posix_uname(): array|false {}

/** @return array{ticks: int, utime: int, stime: int, cutime: int, cstime: int}|false */
function posix_times(): array|false {}

function posix_ctermid(): string|false {}

/** @param resource|int $file_descriptor */
function posix_ttyname($file_descriptor): string|false {}

/** @param resource|int $file_descriptor */
function posix_isatty($file_descriptor): bool {}

function posix_getcwd(): string|false {}

function posix_mkfifo(string $filename, int $permissions): bool {}

function posix_mknod(string $filename, int $flags, int $major = 0, int $minor = 0): bool {}

function posix_access(string $filename, int $flags = 0): bool {}

/** @return array{name: string, passwd: string|null, members: list<string>, gid: int}|false */
function posix_getgrnam(string $name): array|false {}

/** @return array{name: string, passwd: string|null, members: list<string>, gid: int}|false */
function posix_getgrgid(int $group_id): array|false {}

/** @return array{name: string, passwd: string, uid: int, gid: int, gecos: string, dir: string, shell: string}|false */
function posix_getpwnam(string $username): array|false {}

/** @return array{name: string, passwd: string, uid: int, gid: int, gecos: string, dir: string, shell: string}|false */
function posix_getpwuid(int $user_id): array|false {}

/** @return array<string, int|string>|false "soft core", "hard core", ... values are ints or "unlimited" */
function posix_getrlimit(): array|false {}

function posix_setrlimit(int $resource, int $soft_limit, int $hard_limit): bool {}

function posix_get_last_error(): int {}

/** @alias posix_get_last_error */
function posix_errno(): int {}

function posix_strerror(int $error_code): string {}

function posix_initgroups(string $username, int $group_id): bool {}
