<?php
// OPT_UNLOCK_CALLBACKS without OPT_DEFER_CALLBACKS: libevent's warning, then
// PECL's fatal error.
$b = new EventBase();
var_dump((new EventBufferEvent($b, null, EventBufferEvent::OPT_UNLOCK_CALLBACKS | EventBufferEvent::OPT_DEFER_CALLBACKS))->getEnabled());
new EventBufferEvent($b, null, EventBufferEvent::OPT_UNLOCK_CALLBACKS);
echo "not reached\n";
