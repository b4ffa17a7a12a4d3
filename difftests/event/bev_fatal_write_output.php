<?php
$b = new EventBase();
[$x, $y] = EventBufferEvent::createPair($b);
$x->output = new EventBuffer();
echo "not reached\n";
