<?php
// The bytes in the kernel: after each operation the whole segment is dumped
// (through ext/shmop) and must be what native PHP writes, stale bytes included.
if (!extension_loaded('shmop') && !@dl('shmop.so')) { echo "#SKIP shmop not available\n"; exit; }
$K = ftok(__FILE__, 's');
register_shutdown_function(function () use ($K) { if ($s = @shm_attach($K, 1)) shm_remove($s); });
$s = shm_attach($K, 512);
$raw = shmop_open($K, "a", 0, 0);
function dump($what) {
    global $raw;
    $b = shmop_read($raw, 0, shmop_size($raw));
    echo "== $what\n", rtrim(chunk_split(bin2hex(rtrim($b, "\0")), 64, "\n")), "\n";
}
dump("fresh");
class O { public $a = 1; public $b = "two"; }
shm_put_var($s, 1, 42); dump("int");
shm_put_var($s, 2, "hello"); dump("string");
shm_put_var($s, 3, [1, 2, "x" => [true, null, 1.5]]); dump("array");
shm_put_var($s, 4, new O); dump("object");
shm_put_var($s, 2, "a longer replacement string"); dump("replace");
shm_remove_var($s, 1); dump("remove first");
shm_remove_var($s, 2); dump("remove last");
shm_put_var($s, -1, false); dump("false, negative key");
@shm_put_var($s, 5, str_repeat("z", 400)); dump("does not fit");
shm_put_var($s, 3, str_repeat("y", 300)); dump("replace, fits");
@shm_put_var($s, 3, str_repeat("y", 460)); dump("replace, does not fit: old value gone");
shm_put_var($s, PHP_INT_MIN, PHP_INT_MAX); dump("extremes");
shm_remove($s);
// A segment created by something else, without the magic.
$K2 = ftok(__FILE__, 't');
$r = shmop_open($K2, "c", 0644, 256);
shmop_write($r, str_repeat("\xAA", 256), 0);
$s2 = shm_attach($K2, 256);
shm_put_var($s2, 9, "over garbage");
$b = shmop_read($r, 0, 256);
echo "== foreign segment\n", rtrim(chunk_split(bin2hex($b), 64, "\n")), "\n";
shm_remove($s2);
echo "done\n";
