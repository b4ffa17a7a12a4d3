--TEST--
Beyond native: reading or writing a segment another process removed warns and still works; removal here does not warn
--EXTENSIONS--
shmop
pcntl
--FILE--
<?php
$k = ftok(__FILE__, 'r');
$s = shmop_open($k, "n", 0600, 64);
shmop_write($s, "before", 0);
var_dump(shmop_read($s, 0, 6));          // not removed: no warning
$pid = pcntl_fork();
if ($pid === 0) {
    shmop_delete(shmop_open($k, "w", 0, 0));
    exit(0);
}
pcntl_waitpid($pid, $st);
usleep(5000);                            // past the 1 ms between two checks of one object
var_dump(shmop_read($s, 0, 6));
var_dump(shmop_write($s, "after", 0));
var_dump(shmop_read($s, 0, 5));
var_dump(shmop_size($s));                // no access to the memory: no warning
var_dump(@shmop_open($k, "w", 0, 0));    // the key is free again

echo "removed by this process: native behaviour, no warning\n";
$t = shmop_open($k, "n", 0600, 64);
var_dump(shmop_delete($t), shmop_write($t, "x", 0), shmop_read($t, 0, 1));
$u = shmop_open(ftok(__FILE__, 'q'), "n", 0600, 8);
$pid = pcntl_fork();
if ($pid === 0) {
    // removed by the child, not by this process: the parent's access warns
    shmop_delete($u);
    exit(0);
}
pcntl_waitpid($pid, $st);
var_dump(shmop_read($u, 0, 1) === "\0");
?>
--EXPECTF--
string(6) "before"

Warning: shmop_read(): Shared memory segment was removed by another process in %s on line %d
string(6) "before"

Warning: shmop_write(): Shared memory segment was removed by another process in %s on line %d
int(5)

Warning: shmop_read(): Shared memory segment was removed by another process in %s on line %d
string(5) "after"
int(64)
bool(false)
removed by this process: native behaviour, no warning
bool(true)
int(1)
string(1) "x"

Warning: shmop_read(): Shared memory segment was removed by another process in %s on line %d
bool(true)
