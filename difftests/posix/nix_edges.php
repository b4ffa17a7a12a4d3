<?php
// Edge inputs of the posix calls that go through nix (ids, sessions, uname,
// isatty, mkfifo/mknod/access, getrlimit) and of the ones kept raw because
// nix's types cannot carry PHP's integers (kill's signal, setrlimit's
// resource): same results and posix_get_last_error() as native.
pcntl_alarm(30);
function show(string $label, ...$v) { echo $label, ': ', json_encode($v), "\n"; }
$dir = __DIR__ . '/nixe';
@mkdir($dir);
register_shutdown_function(function () use ($dir) {
    foreach (glob("$dir/*") ?: [] as $f) @unlink($f);
    @rmdir($dir);
});
umask(022);

echo "== kill\n";
show('kill(nopid, 999): pid looked up first', posix_kill(2147483646, 999), posix_get_last_error());
show('kill(self, 999)', posix_kill(posix_getpid(), 999), posix_get_last_error());
show('kill(self, -5)', posix_kill(posix_getpid(), -5), posix_get_last_error());
show('kill(self, 65)', posix_kill(posix_getpid(), 65), posix_get_last_error());
show('kill(0, 0)', posix_kill(0, 0), posix_get_last_error());
show('kill(-1, 0)', posix_kill(-1, 0), posix_get_last_error());
show('kill(-2147483646, 0)', posix_kill(-2147483646, 0), posix_get_last_error());
$got = [];
pcntl_signal(SIGRTMIN + 2, function ($s) use (&$got) { $got[] = $s; });
$sent = posix_kill(posix_getpid(), SIGRTMIN + 2);
pcntl_signal_dispatch();
show('kill(self, SIGRTMIN+2) reaches the handler', $sent, $got === [SIGRTMIN + 2]);

echo "== ids and sessions\n";
show('getpgid(-1)', posix_getpgid(-1), posix_get_last_error());
show('getsid(-1)', posix_getsid(-1), posix_get_last_error());
show('getpgid(nopid)', posix_getpgid(2147483646), posix_get_last_error());
show('getsid(nopid)', posix_getsid(2147483646), posix_get_last_error());
show('setpgid(-1, 0)', posix_setpgid(-1, 0), posix_get_last_error());
show('setpgid(0, -1)', posix_setpgid(0, -1), posix_get_last_error());
show('setpgid(nopid, 0)', posix_setpgid(2147483646, 0), posix_get_last_error());
show('getpgid(0) is getpgrp', posix_getpgid(0) === posix_getpgrp(), posix_getsid(0) === posix_getsid(posix_getpid()));
show('ids', posix_getuid(), posix_geteuid(), posix_getgid(), posix_getegid(), posix_getppid() > 0);
$g = posix_getgroups();
show('getgroups', $g, in_array(posix_getegid(), $g, true) || $g === []);

echo "== uname\n";
$u = posix_uname();
show('uname keys', array_keys($u), array_map('gettype', $u));
show('uname', $u);

echo "== isatty leaves last_error alone\n";
posix_kill(2147483646, 0);
show('isatty(-1)', posix_isatty(-1), posix_get_last_error());
show('isatty(99999)', posix_isatty(99999), posix_get_last_error());
show('isatty(file)', posix_isatty(fopen(__FILE__, 'r')), posix_get_last_error());
show('isatty(STDIN </dev/null)', posix_isatty(STDIN), posix_get_last_error());
show('isatty(PHP_INT_MAX)', posix_isatty(PHP_INT_MAX), posix_get_last_error());

echo "== mkfifo modes\n";
foreach ([0, 0777, 07777, 0170777, -1, (1 << 40) | 0640, 0x7fffffff] as $i => $m) {
    $ok = posix_mkfifo("$dir/f$i", $m);
    clearstatcache();
    show("mkfifo(" . decoct($m & 0xffffffffffff) . ")", $ok, posix_get_last_error(), $ok ? decoct(fileperms("$dir/f$i")) : null);
}
show('mkfifo(exists)', posix_mkfifo("$dir/f1", 0600), posix_get_last_error());
show('mkfifo(no dir)', posix_mkfifo("$dir/none/f", 0600), posix_get_last_error());

echo "== mknod modes\n";
$modes = [
    'FIFO|07777' => POSIX_S_IFIFO | 07777,
    'REG|04755' => POSIX_S_IFREG | 04755,
    'no type 0640' => 0640,
    'FIFO|REG' => POSIX_S_IFIFO | POSIX_S_IFREG | 0600,
    'DIR' => 0040000 | 0700,
    'LNK' => 0120000 | 0700,
    '-1' => -1,
    'high bits|REG' => (1 << 33) | POSIX_S_IFREG | 0600,
];
$i = 0;
foreach ($modes as $label => $m) {
    // major/minor 1: only read when a CHR/BLK bit is set (DIR and -1 have one).
    $ok = posix_mknod("$dir/n" . $i++, $m, 1, 1);
    clearstatcache();
    show("mknod($label)", $ok, posix_get_last_error(), $ok ? decoct(fileperms("$dir/n" . ($i - 1))) : null);
}
show('mknod(CHR 1,3 as root?)', posix_mknod("$dir/chr", POSIX_S_IFCHR | 0600, 1, 3), posix_get_last_error());
show('mknod(BLK 4294967297,2)', posix_mknod("$dir/blk", POSIX_S_IFBLK | 0600, 4294967297, 2), posix_get_last_error());
clearstatcache();
if (file_exists("$dir/chr")) { $s = stat("$dir/chr"); show('chr rdev', $s['rdev']); }
if (file_exists("$dir/blk")) { $s = stat("$dir/blk"); show('blk rdev', $s['rdev']); }

echo "== access modes\n";
touch("$dir/plain");
foreach ([0, 1, 2, 4, 7, 8, 16, -1, 0x7fffffff, PHP_INT_MAX] as $m) {
    show("access(plain, $m)", posix_access("$dir/plain", $m), posix_get_last_error());
}
show('access(missing)', posix_access("$dir/missing", POSIX_R_OK), posix_get_last_error());

echo "== rlimit\n";
$r = posix_getrlimit();
show('getrlimit keys', array_keys($r));
show('setrlimit(unknown resource 99)', posix_setrlimit(99, 1, 1), posix_get_last_error());
show('setrlimit(-1)', posix_setrlimit(-1, 1, 1), posix_get_last_error());
show('setrlimit(NOFILE, -1, -1) beyond hard', posix_setrlimit(POSIX_RLIMIT_NOFILE, -1, -1), posix_get_last_error());
show('getrlimit again same', posix_getrlimit() == $r);
