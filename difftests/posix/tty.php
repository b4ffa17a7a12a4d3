<?php
// posix_isatty/posix_ttyname: ints, numeric strings, floats, null, arrays,
// objects (warning, counts as 1), stream resources (fd behind them, or a
// warning), non-stream resources (TypeError), Socket objects, a pty master.
function t(string $label, callable $f) {
    try { $r = $f(); echo $label, ' => ', json_encode($r); }
    catch (Throwable $e) { echo $label, ' => ', get_class($e), ': ', $e->getMessage(); }
    echo ' | errno=', posix_get_last_error(), "\n";
}
// stdin is /dev/null in the test runner; stdout/stderr are pipes.
$vals = ['0' => 0, '1' => 1, '2' => 2, '-1' => -1, '99' => 99, 'INT_MAX' => PHP_INT_MAX, 'INT_MIN' => PHP_INT_MIN,
    '2^32' => 4294967296, '"0"' => "0", '"abc"' => "abc", '"2 "' => "2 ", '" 1"' => " 1", '"1e1"' => "1e1",
    '1.9' => 1.9, '-0.5' => -0.5, 'NAN' => NAN, 'INF' => INF, 'null' => null, 'true' => true, 'false' => false,
    '[]' => [], '[1]' => [1], 'stdClass' => new stdClass, 'closure' => fn() => 1];
foreach ($vals as $k => $v) {
    t("isatty($k)", fn() => posix_isatty($v));
    t("ttyname($k)", fn() => posix_ttyname($v));
}
t('isatty(STDIN)', fn() => posix_isatty(STDIN));
t('ttyname(STDIN)', fn() => posix_ttyname(STDIN));
t('isatty(STDOUT)', fn() => posix_isatty(STDOUT));
t('ttyname(STDERR)', fn() => posix_ttyname(STDERR));
$m = fopen('php://memory', 'r+');
t('isatty(memory)', fn() => posix_isatty($m));
t('ttyname(memory)', fn() => posix_ttyname($m));
$tmp = fopen('php://temp', 'r+');
t('isatty(temp)', fn() => posix_isatty($tmp));
$f = fopen(__FILE__, 'r');
t('isatty(file)', fn() => posix_isatty($f));
fgets($f); // buffered data: the cast warns about it, like native
t('isatty(file, buffered)', fn() => posix_isatty($f));
t('ttyname(file, buffered)', fn() => posix_ttyname($f));
fclose($f);
t('isatty(closed)', fn() => posix_isatty($f));
t('ttyname(closed)', fn() => posix_ttyname($f));
$ctx = stream_context_create();
t('isatty(context)', fn() => posix_isatty($ctx));
t('ttyname(context)', fn() => posix_ttyname($ctx));
$d = opendir('/');
t('isatty(dir)', fn() => posix_isatty($d));
closedir($d);
$p = proc_open(['true'], [], $pipes);
t('isatty(proc)', fn() => posix_isatty($p));
proc_close($p);
[$a, $b] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
t('isatty(socketpair)', fn() => posix_isatty($a));
t('ttyname(socketpair)', fn() => posix_ttyname($b));
$srv = stream_socket_server('tcp://127.0.0.1:0');
t('isatty(tcp server)', fn() => posix_isatty($srv));
fclose($srv);
$dz = fopen('compress.zlib://' . __FILE__, 'r');
if ($dz) t('isatty(zlib)', fn() => posix_isatty($dz));
$pt = @fopen('/dev/ptmx', 'r+');
if ($pt) {
    t('isatty(ptmx)', fn() => posix_isatty($pt));
    t('ttyname(ptmx)', fn() => posix_ttyname($pt));
} else {
    echo "no /dev/ptmx\n";
}
$tty = @fopen('/dev/tty', 'r');
echo 'tty: ', json_encode($tty !== false), "\n";
if (extension_loaded('sockets')) {
    $s = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
    t('isatty(Socket)', fn() => posix_isatty($s));
    t('ttyname(Socket)', fn() => posix_ttyname($s));
    socket_close($s);
    t('isatty(closed Socket)', fn() => posix_isatty($s));
}
