<?php
// Process and user identity: values that differ per process are compared
// with PHP's own view (getmypid, getmyuid...), never printed.
var_dump(posix_getpid() === getmypid());
var_dump(is_int(posix_getppid()) && posix_getppid() > 0);
var_dump(posix_getuid(), posix_geteuid(), posix_getgid(), posix_getegid());
var_dump(posix_getuid() === getmyuid(), posix_getgid() === getmygid());
var_dump(posix_getpgrp() === posix_getpgid(0), posix_getsid(0) === posix_getsid(posix_getpid()));
var_dump(is_int(posix_getpgrp()), is_int(posix_getsid(0)));
var_dump(posix_getpgid(posix_getpid()) === posix_getpgrp());
$g = posix_getgroups(); var_dump(is_array($g), array_is_list($g));
foreach ($g as $x) var_dump(is_int($x));
var_dump(posix_getcwd() === getcwd());
chdir('/'); var_dump(posix_getcwd()); chdir(__DIR__);
var_dump(posix_ctermid());
$l = posix_getlogin(); var_dump($l === false ? posix_get_last_error() : is_string($l));

$u = posix_uname();
var_dump(array_keys($u), array_map('gettype', $u));
$n = php_uname('n'); var_dump($u['nodename'] === $n, $u['sysname'] === php_uname('s'), $u['release'] === php_uname('r'), $u['machine'] === php_uname('m'));

$t = posix_times();
var_dump(array_keys($t), array_map('gettype', $t));
var_dump($t['ticks'] > 0, $t['utime'] >= 0, $t['stime'] >= 0, $t['cutime'] >= 0, $t['cstime'] >= 0);
$t2 = posix_times(); var_dump($t2['ticks'] >= $t['ticks']);

$r = posix_getrlimit();
var_dump(array_keys($r));
foreach ($r as $k => $v) echo $k, ': ', is_int($v) ? 'int' : var_export($v, true), "\n";
// The same values as the shell sees are not portable; the open-files limit
// must agree with what the process can check itself.
var_dump(posix_getrlimit()['soft openfiles'] === posix_getrlimit()['soft openfiles']);

echo "--- users and groups\n";
var_dump(posix_getpwnam('root'));
var_dump(posix_getpwuid(0));
var_dump(posix_getpwuid(0) === posix_getpwnam('root'));
var_dump(posix_getgrnam('root'));
var_dump(posix_getgrgid(0));
var_dump(posix_getpwnam('nobody'));
var_dump(posix_getpwuid(65534) === posix_getpwnam('nobody'));
var_dump(posix_getgrnam('nogroup'));
var_dump(posix_getpwuid(posix_getuid())['uid'] === posix_getuid());
// Every group in /etc/group, with members.
foreach (file('/etc/group', FILE_IGNORE_NEW_LINES) as $line) {
    [$name, , $gid] = explode(':', $line);
    $a = posix_getgrnam($name); $b = posix_getgrgid((int) $gid);
    echo $name, ' ', json_encode($a), ' ', json_encode($b === false ? false : $b['name']), "\n";
}
foreach (file('/etc/passwd', FILE_IGNORE_NEW_LINES) as $line) {
    [$name, , $uid] = explode(':', $line);
    echo $name, ' ', json_encode(posix_getpwnam($name)), ' ', json_encode(posix_getpwuid((int) $uid)['name']), "\n";
}
// NUL ends the name at the C level, as natively.
var_dump(posix_getpwnam("root\0garbage")['name'], posix_getgrnam("root\0x")['gid']);
// Out-of-range ids are truncated to uid_t/gid_t like native.
var_dump(posix_getpwuid(4294967296)['name'] ?? false, posix_getgrgid(-4294967296)['name'] ?? false);
var_dump(posix_getpwuid(-1), posix_get_last_error());
