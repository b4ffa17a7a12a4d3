<?php
// OPT_THREADSAFE: libevent has no lock callbacks under PHP, so the
// bufferevent cannot be allocated (createPair answers false, the
// constructor stops with a fatal error).
$b = new EventBase();
var_dump(EventBufferEvent::createPair($b, EventBufferEvent::OPT_THREADSAFE));
var_dump(EventBufferEvent::createPair($b, EventBufferEvent::OPT_UNLOCK_CALLBACKS) !== false);
new EventBufferEvent($b, null, EventBufferEvent::OPT_THREADSAFE);
echo "not reached\n";
