<?php
// Memory per EventBufferEvent: N socket pairs, a bufferevent (read enabled,
// read and event callbacks) on one end of each; prints the RSS and PHP heap
// growth per bufferevent after creating them, then after each served one
// 100-byte request with a 21-byte reply (both buffers empty again).
// Run it on php-ipc and on PECL event to compare (issue 10):
//   php -n -d extension=target/release/libphp_ipc.so benches/bev_memory.php [N]
//   php -n -d extension=sockets -d extension=posix -d extension=../shared/oracle/pecl-event/event.so benches/bev_memory.php [N]
function rss_kb() { preg_match('/VmRSS:\s+(\d+)/', file_get_contents('/proc/self/status'), $m); return (int) $m[1]; }
if (!class_exists('EventBufferEvent')) { echo "unsupported: this event extension has no EventBufferEvent\n"; exit(3); }
$N = (int) ($argv[1] ?? 4000);
$base = new EventBase();
$pairs = [];
for ($i = 0; $i < $N; $i++) {
    $p = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
    if (!$p) { fwrite(STDERR, "bev_memory: socket pair $i failed (ulimit -n?)\n"); exit(1); }
    $pairs[] = $p;
}
gc_collect_cycles();
$r0 = rss_kb(); $m0 = memory_get_usage();
$bevs = [];
$cb = function ($bev, $arg) {};
$ecb = function ($bev, $e, $arg) {};
foreach ($pairs as $i => $p) {
    $bev = new EventBufferEvent($base, $p[0], 0, $cb, null, $ecb, $i);
    $bev->enable(Event::READ);
    $bevs[$i] = $bev;
}
$r1 = rss_kb(); $m1 = memory_get_usage();
printf("bev_memory: N=%d after create: rss +%.0f B/bev, php heap +%.0f B/bev\n", $N, ($r1 - $r0) * 1024 / $N, ($m1 - $m0) / $N);
foreach ($pairs as $p) fwrite($p[1], str_repeat("x", 100));
$base->loop(EventBase::LOOP_NONBLOCK);
$got = 0;
foreach ($bevs as $b) { $got += strlen((string) $b->read(1000)); $b->write("HTTP/1.1 200 OK\r\n\r\nok"); }
$base->loop(EventBase::LOOP_NONBLOCK);
$base->loop(EventBase::LOOP_NONBLOCK);
$r2 = rss_kb(); $m2 = memory_get_usage();
// Checked after measuring: PHP gives each stream an 8 KiB read buffer.
$replied = 0;
foreach ($pairs as $p) { stream_set_blocking($p[1], false); $replied += strlen((string) fread($p[1], 100)) === 21 ? 1 : 0; }
printf("bev_memory: N=%d after serve: rss +%.0f B/bev, php heap +%.0f B/bev (read %d bytes, %d replies)\n",
    $N, ($r2 - $r0) * 1024 / $N, ($m2 - $m0) / $N, $got, $replied);
