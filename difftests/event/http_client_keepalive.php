<?php
// EventHttpConnection against a raw server on the same EventBase (127.0.0.1,
// port 0): keep-alive reuse, queued requests, Connection: close from either
// side, a server that closes after its reply, a body that runs until the
// close, chunked replies on a kept connection, HEAD, a timeout (1 s), and
// where the close callback runs relative to the request callbacks.

final class RawServer {
    public $ls; public int $port; private array $conns = []; private array $bufs = []; private array $evs = []; private ?Event $accept; private int $next = 0;
    public function __construct(public EventBase $base, public Closure $respond) {
        $this->ls = stream_socket_server('tcp://127.0.0.1:0');
        stream_set_blocking($this->ls, false);
        $this->port = (int) substr(strrchr(stream_socket_get_name($this->ls, false), ':'), 1);
        $this->accept = new Event($base, $this->ls, Event::READ | Event::PERSIST, fn() => $this->onAccept());
        $this->accept->add();
    }
    private function onAccept(): void {
        $s = @stream_socket_accept($this->ls, 0); if (!$s) return;
        stream_set_blocking($s, false);
        $id = $this->next++; echo "  server: accept #$id\n";
        $this->conns[$id] = $s; $this->bufs[$id] = '';
        $this->evs[$id] = new Event($this->base, $s, Event::READ | Event::PERSIST, fn() => $this->onRead($id));
        $this->evs[$id]->add();
    }
    public function close(int $id): void {
        if (isset($this->conns[$id])) { $this->evs[$id]->free(); fclose($this->conns[$id]); unset($this->conns[$id], $this->evs[$id]); }
    }
    private function onRead(int $id): void {
        $d = fread($this->conns[$id], 65536);
        if ($d === '' || $d === false) { echo "  server: #$id eof\n"; $this->close($id); return; }
        $this->bufs[$id] .= $d;
        while (($p = strpos($this->bufs[$id], "\r\n\r\n")) !== false) {
            $r = substr($this->bufs[$id], 0, $p + 4); $this->bufs[$id] = substr($this->bufs[$id], $p + 4);
            echo "  server: #$id got ", json_encode($r), "\n";
            $a = ($this->respond)($id, $r);
            if ($a === null) continue;
            fwrite($this->conns[$id], $a[0]);
            if ($a[1]) { $this->close($id); return; }
        }
    }
    // The Events' closures hold $this: the cycle is broken here.
    public function stop(): void { foreach (array_keys($this->conns) as $id) $this->close($id); $this->accept->free(); $this->accept = null; fclose($this->ls); }
}

function scenario(string $label, Closure $respond, array $uris, array $opt = []): void {
    echo "== $label\n";
    $base = new EventBase();
    $srv = new RawServer($base, $respond);
    $c = new EventHttpConnection($base, null, '127.0.0.1', $srv->port);
    if (isset($opt['timeout'])) $c->setTimeout($opt['timeout']);
    // (A close callback that captures \$c crashes PECL at shutdown.)
    $cid = spl_object_id($c);
    $c->setCloseCallback(function ($conn, $d) use ($cid) { echo "  close callback: same=", var_export(spl_object_id($conn) === $cid, true), " data=", json_encode($d), "\n"; }, 'closed');
    $t = microtime(true);
    $left = count($uris);
    $send = function (string $uri, int $cmd, array $headers) use ($c, $base, $t, &$left) {
        $req = new EventHttpRequest(function ($r, $d) use ($t, $base, &$left) {
            printf("  callback %s after %.0fs: ", $d, microtime(true) - $t);
            if ($r === null) echo "NULL\n";
            else {
                $hs = [];
                foreach ($r->getInputHeaders() as $k => $v) $hs[] = "$k=$v";
                echo $r->getResponseCode(), " [", implode(' ', $hs), "] ", json_encode($r->getInputBuffer()->read(1000)),
                    " conn=", $r->getConnection() === null ? 'null' : 'object', " bev=", $r->getBufferEvent() === null ? 'null' : 'object', "\n";
            }
            if (--$left === 0) $base->exit();
        }, $uri);
        foreach ($headers as $k => $v) $req->addHeader($k, $v, EventHttpRequest::OUTPUT_HEADER);
        echo "  makeRequest $uri: ", var_export($c->makeRequest($req, $cmd, $uri), true), "\n";
    };
    foreach ($uris as $u) $send($u[0], $u[1] ?? EventHttpRequest::CMD_GET, $u[2] ?? []);
    $base->loop();
    if (isset($opt['then'])) {
        $left = count($opt['then']);
        foreach ($opt['then'] as $u) $send($u[0], $u[1] ?? EventHttpRequest::CMD_GET, $u[2] ?? []);
        $base->loop();
    }
    // Let the server see what the client does after the last reply.
    for ($i = 0; $i < 3; $i++) { usleep(20000); $base->loop(EventBase::LOOP_NONBLOCK); }
    // The server closes; the client notices on its idle connection. (PECL
    // crashes when a connected connection with a close callback is freed.)
    echo "  server stops\n";
    $srv->stop();
    for ($i = 0; $i < 3; $i++) { usleep(20000); $base->loop(EventBase::LOOP_NONBLOCK); }
    unset($c);
}

$ok = fn($extra = '') => fn($id, $r) => ["HTTP/1.1 200 OK\r\nContent-Length: 2\r\n$extra\r\nok", false];
scenario('keep-alive, two queued then one more', $ok(), [['/1'], ['/2']], ['then' => [['/3']]]);
scenario('Connection: close in the reply', $ok("Connection: close\r\n"), [['/1'], ['/2']], ['then' => [['/3']]]);
scenario('Connection: close in the request', $ok(), [['/1', EventHttpRequest::CMD_GET, ['Connection' => 'close']], ['/2']]);
scenario('server closes after a keep-alive reply', fn($id, $r) => ["HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", true], [['/1'], ['/2']], ['then' => [['/3']]]);
scenario('body until close', fn($id, $r) => ["HTTP/1.0 200 OK\r\n\r\nall of it", true], [['/1'], ['/2']]);
scenario('chunked replies on one connection', fn($id, $r) => ["HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nab\r\n1\r\nc\r\n0\r\n\r\n", false], [['/1'], ['/2']]);
scenario('HEAD then GET', fn($id, $r) => [str_starts_with($r, 'HEAD') ? "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n" : "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", false], [['/h', EventHttpRequest::CMD_HEAD], ['/g']]);
scenario('timeout (1 s) on a silent server', fn($id, $r) => null, [['/1'], ['/2']], ['timeout' => 1]);
scenario('server closes without a reply', fn($id, $r) => ['', true], [['/1']]);
echo "done\n";
