<?php
// One segment seen by a parent and forked children; permissions; object
// handles after failed opens (native creates and frees an object there).
$k = ftok(__FILE__, 'f');
$parent = getmypid();
register_shutdown_function(function () use ($k, $parent) {
    if (getmypid() === $parent && ($x = @shmop_open($k, "w", 0, 0))) shmop_delete($x);
});
$s = shmop_open($k, "n", 0600, 4096);
var_dump(shmop_size($s));
$pid = pcntl_fork();
if ($pid === 0) {
    // the inherited attachment and a new one are both the parent's memory
    shmop_write($s, "from child", 0);
    $t = shmop_open($k, "w", 0, 0);
    shmop_write($t, "again", 100);
    exit(0);
}
pcntl_waitpid($pid, $st);
var_dump(shmop_read($s, 0, 10), shmop_read($s, 100, 5));
$pid = pcntl_fork();
if ($pid === 0) {
    // a child that exits without touching it does not detach the parent
    exit(0);
}
pcntl_waitpid($pid, $st);
var_dump(shmop_read($s, 0, 4));
echo "-- permissions are the segment's\n";
$m = shmop_open($k, "w", 0, 0);
var_dump(shmop_size($m));
echo "-- large writes are cut at the end\n";
var_dump(shmop_write($s, str_repeat("x", 5000), 4000));
var_dump(strlen(shmop_read($s, 4000, 0)), shmop_read($s, 4090, 6));
echo "-- object handles after failed opens\n";
function t($f) { try { var_dump($f()); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; } }
t(fn() => shmop_open($k, "n", 0600, 10));
t(fn() => shmop_open($k, "q", 0600, 10));
t(fn() => shmop_open($k, "c", 0600, 0));
$x = shmop_open($k, "w", 0, 0);
var_dump($x);
$y = @shmop_open($k + 1000003, "w", 0, 0);
$z = shmop_open($k, "a", 0, 0);
var_dump($y, $z, spl_object_id($z));
