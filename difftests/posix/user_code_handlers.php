<?php
// Error handlers that throw on posix_* warnings and on the engine's
// deprecations emitted while parsing arguments (null to a scalar parameter,
// float with a fractional part to int), for functions of every group: what
// runs, what is returned and what is left behind after the exception.
function t(string $what, callable $f) {
    try { $r = $f(); echo "$what: ", var_export($r, true), "\n"; }
    catch (Throwable $e) { echo "$what: ", get_class($e), ": ", $e->getMessage(), "\n"; }
}
$log = [];
set_error_handler(function ($no, $str) use (&$log) { $log[] = $str; throw new ErrorException("handler: $str", 0, $no); });
echo "-- posix\n";
t("isatty object", fn() => posix_isatty(new stdClass));
var_dump(posix_get_last_error());
t("ttyname object", fn() => posix_ttyname(new stdClass));
var_dump(posix_get_last_error());
t("isatty memory stream", fn() => posix_isatty(fopen('php://memory', 'r')));
t("ttyname memory stream", fn() => posix_ttyname(fopen('php://memory', 'r')));
t("isatty 99", fn() => posix_isatty(99));
var_dump(posix_get_last_error());
t("kill null pid", fn() => posix_kill(null, 0));
t("kill float pid", fn() => posix_kill(1.5, 0));
t("getpgid null", fn() => posix_getpgid(null));
t("setrlimit float", fn() => posix_setrlimit(POSIX_RLIMIT_NOFILE, 1.5, 2));
t("strerror null", fn() => posix_strerror(null));
t("access null path", fn() => posix_access(null));
t("mkfifo null mode", fn() => posix_mkfifo(sys_get_temp_dir() . "/php-ipc-never-" . getmypid(), null));
var_dump(file_exists(sys_get_temp_dir() . "/php-ipc-never-" . getmypid()));
t("getpwuid float", fn() => posix_getpwuid(0.5));
t("getgrnam null", fn() => posix_getgrnam(null));
t("times", fn() => is_array(posix_times()));
echo "-- sysvsem / sysvshm / sysvmsg argument deprecations\n";
$k = ftok(__FILE__, 'h');
t("sem_get null max", fn() => sem_get($k, null));
t("sem_get float key", fn() => sem_get(0.5));
t("shm_attach null perm", fn() => shm_attach($k, 1000, null));
t("shm_attach float size", fn() => shm_attach($k, 1000.5));
t("msg_get_queue null perm", fn() => msg_get_queue($k, null));
t("msg_queue_exists float", fn() => msg_queue_exists(0.5));
restore_error_handler();
var_dump(msg_queue_exists($k), @shm_attach($k, 1) === false);
set_error_handler(function ($no, $str) use (&$log) { $log[] = $str; throw new ErrorException("handler: $str", 0, $no); });
echo "-- sockets argument deprecations\n";
t("socket_create null", fn() => socket_create(AF_INET, null, 0));
t("socket_strerror float", fn() => socket_strerror(4.5));
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $p);
socket_write($p[1], "abc");
t("socket_read float len", fn() => socket_read($p[0], 1.5));
t("socket_read rest", fn() => socket_read($p[0], 10));
t("socket_write null len", fn() => socket_write($p[1], "xyz", null));
t("socket_read after", fn() => socket_read($p[0], 10));
t("socket_write float len", fn() => socket_write($p[1], "xyz", 1.5));
t("socket_set_nonblock", fn() => socket_set_nonblock($p[0]));
t("socket_read after", fn() => socket_read($p[0], 10));
restore_error_handler();
echo count($log), " handler calls\n";
echo "done\n";
