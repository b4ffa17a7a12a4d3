--TEST--
Event: C10K, 10,000 concurrent connections held open and each served once (opt-in: EVENT_C10K=1)
--EXTENSIONS--
event
pcntl
--SKIPIF--
<?php if (!getenv('EVENT_C10K')) die('skip opt-in: set EVENT_C10K=1'); ?>
--FILE--
<?php
$argv = [__FILE__, '10000'];
ob_start();
include __DIR__ . '/../../benches/event_c10k.php';
$out = ob_get_clean();
echo $out;
preg_match('/served=(\d+) clients_replied=(\d+) max_concurrent=(\d+)/', $out, $m);
var_dump($m[1] === '10000', $m[2] === '10000', $m[3] === '10000');
?>
--EXPECTF--
%Ac10k: N=10000 served=10000 clients_replied=10000 max_concurrent=10000 %s
bool(true)
bool(true)
bool(true)
