<?php
// The priority of a bufferevent's deferred callbacks (OPT_DEFER_CALLBACKS):
// libevent gives it the base's default priority (npriorities / 2) when the
// bufferevent is made, and setPriority() moves it with the read and write
// events. priorityInit() after the bufferevent was made leaves it where it
// was. The order of the deferred read callbacks of four bufferevents shows
// each one's priority (php-ipc makes the deferred event on first use).
$b = new EventBase();
$pairs = [];
$bevs = [];
$mk = function (string $name) use ($b, &$pairs, &$bevs) {
    $p = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
    $bev = new EventBufferEvent($b, $p[0], EventBufferEvent::OPT_DEFER_CALLBACKS, function ($bev, $name) {
        echo "read $name ", strlen($bev->read(100)), "\n";
    }, null, function ($bev, $events, $name) { echo "event $name $events\n"; }, $name);
    $bev->enable(Event::READ);
    $pairs[$name] = $p;
    $bevs[$name] = $bev;
    return $bev;
};
$mk("a");                                   // made with 1 priority: 0
var_dump($b->priorityInit(3));
$mk("b");                                   // default of 3: 1
var_dump($mk("c")->setPriority(2));
var_dump($mk("d")->setPriority(0));
var_dump($mk("e")->setPriority(7));        // refused: stays at 1
// Timers at each priority, due with the data.
$evs = [];
foreach ([0, 1, 2] as $prio) {
    $ev = Event::timer($b, function () use ($prio) { echo "user $prio\n"; });
    $ev->setPriority($prio);
    $evs[] = $ev;
}
for ($round = 1; $round <= 2; $round++) {
    echo "== round $round\n";
    foreach (["e", "d", "c", "b", "a"] as $name) fwrite($pairs[$name][1], str_repeat("x", 3 + $round));
    foreach ($evs as $ev) $ev->addTimer(0);
    for ($i = 0; $i < 8; $i++) $b->loop(EventBase::LOOP_ONCE | EventBase::LOOP_NONBLOCK);
    // Round 2: the deferred events exist now; setPriority moves them.
    $bevs["a"]->setPriority(2);
    $bevs["c"]->setPriority(0);
}
// The peer's close reaches the event callback (deferred too).
fclose($pairs["b"][1]);
for ($i = 0; $i < 4; $i++) $b->loop(EventBase::LOOP_ONCE | EventBase::LOOP_NONBLOCK);
foreach ($bevs as $bev) $bev->free();
echo "done\n";
