<?php
// createPair: libevent's pair (no descriptors; data moves from one half's
// output to the other's input; callbacks always deferred), watermarks and
// flow control, timeouts, freeing one half.
$b = new EventBase();
function cbs($tag) {
    return [
        function ($bev, $arg) use ($tag) { echo "$tag read in=", $bev->input->length, " got=", json_encode($bev->read($arg ?? 100)), "\n"; },
        function ($bev, $arg) use ($tag) { echo "$tag write out=", $bev->output->length, "\n"; },
        function ($bev, $what, $arg) use ($tag) { echo "$tag event $what enabled=", $bev->getEnabled(), "\n"; },
    ];
}
function run($b, $label, $flags = EventBase::LOOP_NONBLOCK) { $r = $b->loop($flags); echo "-- $label ", json_encode($r), "\n"; }
[$x, $y] = EventBufferEvent::createPair($b);
$x->setCallbacks(...cbs("x"));
$y->setCallbacks(...cbs("y"));
var_dump($x->getEnabled(), $y->getEnabled(), $x->fd, $y->fd);
var_dump($x->write("hi"), $x->output->length, $y->input->length);
echo "(nothing runs before the loop)\n";
var_dump($y->enable(Event::READ), $x->output->length, $y->input->length);
run($b, "first");
$y->write("back");
$x->enable(Event::READ);
run($b, "back");
echo "watermarks\n";
$y->setWatermark(Event::READ, 4, 6);
$y->setCallbacks(cbs("y")[0], cbs("y")[1], cbs("y")[2], 2);
$x->write("0123456789");
var_dump($x->output->length, $y->input->length);
run($b, "wm");
var_dump($x->output->length, $y->input->length);
$y->setWatermark(Event::READ, 0, 0);
run($b, "wm off");
var_dump($x->output->length, $y->input->length);
$y->read(100);
echo "write watermark\n";
$x->setWatermark(Event::WRITE, 2, 0);
$y->disable(Event::READ);
$x->write("abcdef");
run($b, "y not reading");
$y->enable(Event::READ);
run($b, "y reading");
echo "disable write\n";
$x->disable(Event::WRITE);
$x->write("held");
$y->enable(Event::READ);
run($b, "held");
var_dump($x->output->length, $y->input->length);
$x->enable(Event::WRITE);
run($b, "released");
echo "getOutput add\n";
$x->getOutput()->add("via buffer");
run($b, "via buffer");
$eb = new EventBuffer(); $eb->add("via writeBuffer");
$x->writeBuffer($eb);
run($b, "writeBuffer");
echo "timeouts\n";
$x->setTimeouts(0.03, 0.03);
$y->setTimeouts(0.03, 0);
var_dump($x->getEnabled(), $y->getEnabled());
run($b, "timeouts", EventBase::LOOP_ONCE);
run($b, "more", EventBase::LOOP_ONCE);
var_dump($x->getEnabled(), $y->getEnabled());
echo "defer order\n";
$x->enable(Event::READ | Event::WRITE);
$y->enable(Event::READ | Event::WRITE);
$x->setTimeouts(0, 0); $y->setTimeouts(0, 0);
$x->write("ping"); $y->write("pong");
run($b, "both");
echo "free one half\n";
$x->write("orphan");
$x->disable(Event::WRITE);
$y->free();
$x->enable(Event::WRITE);
run($b, "after free");
var_dump($x->output->length, $x->getEnabled());
$x->free();
run($b, "all freed");
echo "unlinked pair\n";
[$p, $q] = EventBufferEvent::createPair($b, EventBufferEvent::OPT_CLOSE_ON_FREE);
$q->setCallbacks(...cbs("q"));
$q->enable(Event::READ);
$p->write("data");
$p->free();
run($b, "p freed before loop");
var_dump($q->input->length);
