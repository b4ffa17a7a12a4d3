<?php
// Hand-written serialized data in a chunk (written with shmop): the fast
// parsers must accept exactly what they can build like PHP does and leave
// everything else (non-canonical numbers, duplicate or numeric string keys,
// trailing bytes, floats, references, truncated data) to PHP's unserializer.
if (!extension_loaded('shmop') && !@dl('shmop.so')) { echo "#SKIP shmop not available\n"; exit; }
set_error_handler(function ($no, $str) { echo "[$no] $str\n"; return true; });
$k = ftok(__FILE__, 'c');
register_shutdown_function(function () use ($k) { if ($s = @shm_attach($k, 1)) shm_remove($s); });
$s = shm_attach($k, 100000);
$raw = shmop_open($k, "w", 0, 0);
$data = ['i:5;', 'i:-0;', 'i:01;', 'i:+1;', 'i:9223372036854775807;', 'i:9223372036854775808;', 'i:-9223372036854775808;',
    'i:5', 'i:5;x', 'b:0;', 'b:1;', 'b:2;', 'N;', 'N', 's:3:"abc";', 's:3:"ab";', 's:2:"abc";', 's:03:"abc";', 's:0:"";',
    's:3:"abc"', 's:3:"abc";;', 'S:3:"abc";', 'd:0.5;', 'a:0:{}', 'a:0:{};', 'a:1:{i:0;i:1;}', 'a:01:{i:0;i:1;}',
    'a:2:{i:0;s:3:"abc";i:0;a:1:{i:1;i:2;}}', 'a:1:{s:1:"5";i:1;}', 'a:1:{s:2:"-5";i:1;}', 'a:1:{s:1:"x";i:1;}',
    'a:2:{s:1:"x";i:1;s:1:"x";i:2;}', 'a:1:{i:0;a:1:{i:0;s:2:"xx";}}junk', 'a:2:{i:0;i:1;i:1;R:2;}',
    'a:1:{i:0;d:1.5;}', 'a:3:{i:0;s:2:"xx";', 'a:1:{i:0;i:1;', 'a:2:{i:0;i:1;}', 'a:1:{i:0;i:1;i:1;i:2;}',
    'a:1:{b:1;i:1;}', 'a:1:{i:0;O:8:"stdClass":0:{}}', 'a:-1:{}', 'a:1:{s:0:"";N;}', 'a:1:{i:-1;b:0;}',
    'O:8:"stdClass":1:{s:1:"a";i:1;}', 'x', ''];
foreach ($data as $d) {
    shm_put_var($s, 9, str_repeat("-", max(0, strlen($d) - 9)));
    $end = unpack('q', shmop_read($raw, 16, 8))[1];
    for ($pos = 40; $pos < $end; $pos += $c['next']) {
        $c = unpack('qkey/qlen/qnext', shmop_read($raw, $pos, 24));
        if ($c['key'] == 9) break;
    }
    if (strlen($d) + 24 > $c['next']) { echo "chunk too small for $d\n"; continue; }
    shmop_write($raw, pack('q', strlen($d)), $pos + 8);
    if ($d !== '') shmop_write($raw, $d, $pos + 24);
    echo json_encode($d), " => ";
    $v = shm_get_var($s, 9);
    echo str_replace("\n", " ", var_export($v, true)), "\n";
    if (is_array($v)) { ob_start(); debug_zval_dump($v); echo md5(ob_get_clean()), "\n"; }
}
echo "done\n";
