--TEST--
A segment whose header or chunk offsets were corrupted by another process: warning and false, never a crash (native PHP crashes)
--EXTENSIONS--
sysvshm
shmop
pcntl
--FILE--
<?php
$k = ftok(__FILE__, 'z');
function zap($k) {
    if ($old = @shmop_open($k, "w", 0, 0)) shmop_delete($old);
}
function fresh($k, $size = 4096) {
    zap($k);
    $s = shm_attach($k, $size);
    return [$s, shmop_open($k, "w", 0, 0)];
}
function ops($s) {
    $r = [];
    foreach ([fn() => shm_has_var($s, 2), fn() => shm_get_var($s, 2), fn() => shm_put_var($s, 3, "x"), fn() => shm_remove_var($s, 2), fn() => shm_get_var($s, 1)] as $f) {
        $r[] = var_export(@$f(), true);
    }
    return implode(' ', $r);
}
set_error_handler(function ($no, $str) { if (!(error_reporting() & $no)) return true; echo "  warning: ", preg_replace('/0x[0-9a-f]+/', '<KEY>', $str), "\n"; return true; });
try {
    echo "header out of bounds at attach:\n";
    foreach (['end past the segment' => pack('a8qqqq', 'PHP_SM', 40, 1 << 30, 0, 4096),
              'negative start' => pack('a8qqqq', 'PHP_SM', -(1 << 40), 4096, 0, 4096),
              'free past the segment' => pack('a8qqqq', 'PHP_SM', 40, 40, 1 << 40, 4096)] as $what => $hdr) {
        [$s, $raw] = fresh($k);
        shm_detach($s);
        shmop_write($raw, $hdr, 0);
        echo " $what\n";
        var_dump(shm_attach($k, 4096));
    }

    echo "corrupted after attach:\n";
    $cases = [
        'end'            => [16, pack('q', 1 << 30)],
        'start'          => [8, pack('q', -8)],
        'free'           => [24, pack('q', PHP_INT_MAX)],
        'magic'          => [0, "XXXXXX"],
        'first next = 0' => [40 + 16, pack('q', 0)],
        'first next < 0' => [40 + 16, pack('q', -40)],
        'first next huge'=> [40 + 16, pack('q', PHP_INT_MAX)],
        'second length'  => [80 + 8, pack('q', PHP_INT_MAX)],
        'second length<0'=> [80 + 8, pack('q', -1)],
    ];
    foreach ($cases as $what => [$off, $bytes]) {
        [$s, $raw] = fresh($k);
        shm_put_var($s, 1, 11);          // chunk at 40, 40 bytes
        shm_put_var($s, 2, 22);          // chunk at 80
        shmop_write($raw, $bytes, $off);
        echo " $what\n";
        var_dump(shm_get_var($s, 2));
        echo "  ", ops($s), "\n";
    }

    echo "a segment made by someone else, smaller than the header:\n";
    zap($k);
    $raw = shmop_open($k, "c", 0644, 16);
    var_dump(shm_attach($k, 1000));
    shmop_delete($raw);

    echo "a segment made by someone else, smaller than the size asked for:\n";
    $raw = shmop_open($k, "c", 0644, 100);
    $s = shm_attach($k, 100000);
    var_dump(shm_put_var($s, 1, str_repeat("a", 200)), shm_put_var($s, 1, "fits"), shm_get_var($s, 1));
    shmop_delete($raw);

    echo "random garbage, then every operation:\n";
    mt_srand(7);
    $survived = 0;
    for ($i = 0; $i < 400; $i++) {
        [$s, $raw] = fresh($k, 512);
        for ($j = 0; $j < 4; $j++) shm_put_var($s, $j, str_repeat("v", mt_rand(0, 60)));
        for ($j = mt_rand(1, 4); $j > 0; $j--) {
            $v = [mt_rand(), -mt_rand(), mt_rand(0, 600), 0, PHP_INT_MAX, PHP_INT_MIN][mt_rand(0, 5)];
            shmop_write($raw, mt_rand(0, 1) ? pack('q', $v) : chr(mt_rand(0, 255)), mt_rand(0, 63) * 8 % 504);
        }
        set_error_handler(fn() => true);
        for ($j = -1; $j < 5; $j++) { shm_has_var($s, $j); shm_get_var($s, $j); shm_put_var($s, $j, "n"); shm_remove_var($s, $j + 1); }
        restore_error_handler();
        $survived++;
    }
    echo " survived $survived\n";

    echo "garbage written concurrently by another process:\n";
    [$s, $raw] = fresh($k, 1024);
    $pid = pcntl_fork();
    if ($pid === 0) {
        pcntl_alarm(10);
        $w = shmop_open($k, "w", 0, 0);
        $end = microtime(true) + 0.7;
        while (microtime(true) < $end) shmop_write($w, pack('q', mt_rand() - mt_rand()), mt_rand(0, 126) * 8);
        exit(0);
    }
    set_error_handler(fn() => true);
    $n = 0; $end = microtime(true) + 0.8;
    while (microtime(true) < $end) { shm_put_var($s, $n % 7, str_repeat("c", $n % 50)); shm_get_var($s, ($n + 3) % 7); shm_remove_var($s, ($n + 5) % 7); $n++; }
    restore_error_handler();
    pcntl_waitpid($pid, $st);
    echo " survived\n";
} finally {
    zap($k);
}
?>
--EXPECTF--
header out of bounds at attach:
 end past the segment
  warning: shm_attach(): Failed for key <KEY>: segment header is corrupted
bool(false)
 negative start
  warning: shm_attach(): Failed for key <KEY>: segment header is corrupted
bool(false)
 free past the segment
  warning: shm_attach(): Failed for key <KEY>: segment header is corrupted
bool(false)
corrupted after attach:
 end
  warning: shm_get_var(): SysV shared memory segment for key <KEY> is corrupted
bool(false)
  false false false false false
 start
  warning: shm_get_var(): SysV shared memory segment for key <KEY> is corrupted
bool(false)
  false false false false false
 free
  warning: shm_get_var(): SysV shared memory segment for key <KEY> is corrupted
bool(false)
  false false false false false
 magic
  warning: shm_get_var(): SysV shared memory segment for key <KEY> is corrupted
bool(false)
  false false false false false
 first next = 0
  warning: shm_get_var(): SysV shared memory segment for key <KEY> is corrupted
bool(false)
  false false false false false
 first next < 0
  warning: shm_get_var(): SysV shared memory segment for key <KEY> is corrupted
bool(false)
  false false false false false
 first next huge
  warning: shm_get_var(): SysV shared memory segment for key <KEY> is corrupted
bool(false)
  false false false false false
 second length
  warning: shm_get_var(): Variable data in shared memory is corrupted
bool(false)
  true false true true 11
 second length<0
  warning: shm_get_var(): Variable data in shared memory is corrupted
bool(false)
  true false true true 11
a segment made by someone else, smaller than the header:
  warning: shm_attach(): Failed for key <KEY>: memorysize too small
bool(false)
a segment made by someone else, smaller than the size asked for:
  warning: shm_put_var(): Not enough shared memory left
bool(false)
bool(true)
string(4) "fits"
random garbage, then every operation:
 survived 400
garbage written concurrently by another process:
 survived
