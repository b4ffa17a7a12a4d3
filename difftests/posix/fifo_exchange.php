<?php
// posix_mkfifo, then a forked writer and this process as the reader exchange
// 1 MB through the FIFO byte-exact; then mkfifo's failure cases and errno.
pcntl_alarm(30);
$dir = sys_get_temp_dir() . '/phpipc-posix-fifo-' . getmypid();
@mkdir($dir, 0755);
chmod($dir, 0755);
$fifo = "$dir/pipe";
$main = getmypid();
$cleanup = function () use ($dir, $main) {
    if (getmypid() !== $main || !is_dir($dir)) return; // not in forked children
    @chmod("$dir/ro", 0755);
    foreach (['pipe', 'ro/p', 'ro/p2', 'ro', 'file'] as $f) { $p = "$dir/$f"; is_dir($p) ? @rmdir($p) : @unlink($p); }
    @rmdir($dir);
};
register_shutdown_function($cleanup);

var_dump(posix_mkfifo($fifo, 0600));
clearstatcache();
var_dump(filetype($fifo), decoct(fileperms($fifo) & 0777 & ~umask()));

// 1 MB of deterministic pseudo-random bytes.
mt_srand(42);
$data = '';
for ($i = 0; $i < 1 << 18; $i++) $data .= pack('N', mt_rand());
var_dump(strlen($data));

$pid = pcntl_fork();
if ($pid === 0) {
    // Writer: uneven chunk sizes, so the pipe's atomicity never helps.
    $w = fopen($fifo, 'w');
    $off = 0; $n = 1;
    while ($off < strlen($data)) {
        $len = min(strlen($data) - $off, 1 + ($n * 7919) % 65521);
        $wrote = fwrite($w, substr($data, $off, $len));
        if ($wrote === false || $wrote === 0) exit(3);
        $off += $wrote; $n++;
    }
    fclose($w);
    exit(0);
}
$r = fopen($fifo, 'r');
$got = '';
while (!feof($r)) { $chunk = fread($r, 8192); if ($chunk === false) break; $got .= $chunk; }
fclose($r);
pcntl_waitpid($pid, $status);
var_dump(pcntl_wifexited($status), pcntl_wexitstatus($status));
var_dump(strlen($got), md5($got) === md5($data), sha1($got) === sha1($data), md5($got));

// Failure cases: no warning, false, and the errno in posix_get_last_error().
var_dump(posix_mkfifo($fifo, 0600), posix_get_last_error(), posix_strerror(posix_get_last_error()));
touch("$dir/file");
var_dump(posix_mkfifo("$dir/file", 0600), posix_get_last_error());
var_dump(posix_mkfifo("$dir/missing/pipe", 0600), posix_get_last_error(), posix_strerror(posix_errno()));
var_dump(posix_mkfifo("$dir/file/pipe", 0600), posix_get_last_error());
var_dump(posix_mkfifo("", 0600), posix_get_last_error());
var_dump(posix_mkfifo(str_repeat('a', 300), 0600), posix_get_last_error());
var_dump(posix_mkfifo("/proc/self/pipe", 0600), posix_get_last_error());
var_dump(posix_mkfifo("/sys/pipe", 0600), posix_get_last_error());

// A read-only directory: root ignores the mode bits, so a forked child
// drops to uid/gid 65534 (nobody) first, then tries, then reports.
mkdir("$dir/ro", 0555);
chmod("$dir/ro", 0555);
var_dump(posix_mkfifo("$dir/ro/p", 0600)); // root: allowed
$pid = pcntl_fork();
if ($pid === 0) {
    $ok = posix_setgid(65534) && posix_setuid(65534);
    echo "child dropped privileges: ", var_export($ok, true), " uid=", posix_getuid(), "\n";
    var_dump(posix_mkfifo("$dir/ro/p2", 0600), posix_get_last_error(), posix_strerror(posix_get_last_error()));
    var_dump(posix_mkfifo("$dir/ro/p", 0600), posix_get_last_error());
    var_dump(posix_access("$dir/ro", POSIX_W_OK), posix_get_last_error());
    var_dump(posix_access("$dir/ro", POSIX_R_OK | POSIX_X_OK), posix_get_last_error());
    exit(0);
}
pcntl_waitpid($pid, $status);
var_dump(pcntl_wexitstatus($status), file_exists("$dir/ro/p2"));

// Mode bits: umask applies.
$old = umask(0022);
unlink($fifo);
var_dump(posix_mkfifo($fifo, 0777));
clearstatcache();
var_dump(decoct(fileperms($fifo) & 0777));
umask($old);
