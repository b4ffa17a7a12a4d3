<?php
// EventBufferEvent over a Unix socketpair: read callbacks at/above the low
// read watermark and never past the high one, the write callback when the
// output drains to its low watermark, EOF/ERROR/TIMEOUT event flags.
$b = new EventBase();
function pair() { return stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0); }
function cbs($tag, $readn = 3) {
    return [
        function ($bev, $arg) use ($tag, $readn) {
            echo "$tag read in=", $bev->input->length, " arg=", json_encode($arg);
            $got = $readn > 0 ? $bev->read($readn) : null;
            echo " got=", json_encode($got), " enabled=", $bev->getEnabled(), "\n";
        },
        function ($bev, $arg) use ($tag) { echo "$tag write out=", $bev->output->length, "\n"; },
        function ($bev, $what, $arg) use ($tag) { echo "$tag event $what enabled=", $bev->getEnabled(), "\n"; },
    ];
}
function run($b, $label, $flags = EventBase::LOOP_NONBLOCK) { $r = $b->loop($flags); echo "-- $label ", json_encode($r), "\n"; }

[$s1, $s2] = pair();
[$r, $w, $e] = cbs("A");
$bev = new EventBufferEvent($b, $s1, 0, $r, $w, $e, ["x" => 1]);
var_dump($bev->fd === EventUtil::getSocketFd($s1), $bev->getEnabled());
var_dump($bev->enable(Event::READ), $bev->getEnabled());
$bev->setWatermark(Event::READ, 5, 8);
fwrite($s2, "abc");
run($b, "below low");
fwrite($s2, "defghijklmn");
run($b, "above high");
run($b, "drained");
var_dump($bev->input->length, $bev->read(100));
// Lowering the high watermark below what is buffered suspends reading.
fwrite($s2, "0123456789");
$bev->setWatermark(Event::READ, 0, 4);
run($b, "high 4");
$bev->setWatermark(Event::READ, 0, 0);
run($b, "no marks");
var_dump($bev->input->length);
$bev->getInput()->drain(100);

// Writes: the write callback when the output drains to the low mark.
$bev->write("hello");
var_dump($bev->output->length);
run($b, "write");
var_dump(fread($s2, 100));
$bev->setWatermark(Event::WRITE, 3, 0);
$bev->getOutput()->add("via output buffer");
run($b, "write via buffer");
var_dump(fread($s2, 100));
$src = new EventBuffer(); $src->add("from buffer");
var_dump($bev->writeBuffer($src), $src->length);
run($b, "writeBuffer");
var_dump(fread($s2, 100));
var_dump($bev->disable(Event::WRITE), $bev->getEnabled());
$bev->write("held");
run($b, "write disabled");
var_dump($bev->output->length);
var_dump($bev->enable(Event::WRITE));
run($b, "write enabled");
var_dump(fread($s2, 100));
// Enabling write with an empty output runs the write callback once.
$bev->enable(Event::WRITE);
run($b, "enable write empty");

// Timeouts
$bev->setTimeouts(0.05, 0.05);
run($b, "read timeout", EventBase::LOOP_ONCE);
var_dump($bev->getEnabled());
$bev->enable(Event::READ);
$bev->setTimeouts(0, 0);
fwrite($s2, "tick");
run($b, "no timeout");
$bev->setTimeouts(0.05, 0);
$bev->disable(Event::READ);
$bev->enable(Event::READ);
run($b, "timeout again", EventBase::LOOP_ONCE);

// EOF then ERROR
$bev->enable(Event::READ);
fwrite($s2, "last");
fclose($s2);
run($b, "eof", EventBase::LOOP_ONCE);
run($b, "eof more");
var_dump($bev->getEnabled(), $bev->input->length);
$bev->setTimeouts(0, 0);
$bev->write("x");
run($b, "error", EventBase::LOOP_ONCE);
var_dump($bev->getEnabled(), $bev->output->length);
$bev->free();
fclose($s1);

// readBuffer and read sizes
[$s1, $s2] = pair();
$bev = new EventBufferEvent($b, $s1, EventBufferEvent::OPT_CLOSE_ON_FREE);
$bev->setCallbacks(function ($bev) { echo "read cb ", $bev->input->length, "\n"; }, null, null);
$bev->enable(Event::READ);
fwrite($s2, str_repeat("z", 10000));
run($b, "big read");
var_dump($bev->input->length);
$dst = new EventBuffer();
var_dump($bev->readBuffer($dst), $dst->length, $bev->input->length, $bev->read(5), $bev->read(0), $bev->read(-1));
$bev->free();
// OPT_CLOSE_ON_FREE closes from libevent's finalizer, at the next loop.
var_dump(@fwrite($s2, "still open"));
run($b, "finalize");
var_dump(@fwrite($s2, "gone"), fread($s2, 10));
