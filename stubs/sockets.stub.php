<?php

/**
 * ext/sockets as provided by php-ipc (PHP 8.2 to 8.4 API, Linux constant values).
 * A declaration tagged `@since X.Y` exists from PHP X.Y on; one tagged
 * `@removed X.Y` exists before PHP X.Y only (scripts/stubcheck.php checks
 * the declarations of the running PHP's version).
 * @generate-class-entries
 */

/** @var int */ const AF_UNIX = 1;
/** @var int */ const AF_INET = 2;
/** @var int */ const AF_INET6 = 10;
/** @var int */ const SOCK_STREAM = 1;
/** @var int */ const SOCK_DGRAM = 2;
/** @var int */ const SOCK_RAW = 3;
/** @var int */ const SOCK_SEQPACKET = 5;
/** @var int */ const SOCK_RDM = 4;
/** @var int @since 8.4 */ const SOCK_DCCP = 6;
/** @var int @since 8.4 */ const SOCK_CLOEXEC = 524288;
/** @var int @since 8.4 */ const SOCK_NONBLOCK = 2048;
/** @var int */ const MSG_OOB = 1;
/** @var int */ const MSG_WAITALL = 256;
/** @var int */ const MSG_CTRUNC = 8;
/** @var int */ const MSG_TRUNC = 32;
/** @var int */ const MSG_PEEK = 2;
/** @var int */ const MSG_DONTROUTE = 4;
/** @var int */ const MSG_EOR = 128;
/** @var int */ const MSG_EOF = 512;
/** @var int */ const MSG_CONFIRM = 2048;
/** @var int */ const MSG_ERRQUEUE = 8192;
/** @var int */ const MSG_NOSIGNAL = 16384;
/** @var int */ const MSG_DONTWAIT = 64;
/** @var int */ const MSG_MORE = 32768;
/** @var int */ const MSG_WAITFORONE = 65536;
/** @var int */ const MSG_CMSG_CLOEXEC = 1073741824;
/** @var int */ const MSG_ZEROCOPY = 67108864;
/** @var int */ const SO_DEBUG = 1;
/** @var int */ const SO_REUSEADDR = 2;
/** @var int */ const SO_REUSEPORT = 15;
/** @var int */ const SO_KEEPALIVE = 9;
/** @var int */ const SO_DONTROUTE = 5;
/** @var int */ const SO_LINGER = 13;
/** @var int */ const SO_BROADCAST = 6;
/** @var int */ const SO_OOBINLINE = 10;
/** @var int */ const SO_SNDBUF = 7;
/** @var int */ const SO_RCVBUF = 8;
/** @var int */ const SO_SNDLOWAT = 19;
/** @var int */ const SO_RCVLOWAT = 18;
/** @var int */ const SO_SNDTIMEO = 21;
/** @var int */ const SO_RCVTIMEO = 20;
/** @var int */ const SO_TYPE = 3;
/** @var int */ const SO_ERROR = 4;
/** @var int */ const SO_BINDTODEVICE = 25;
/** @var int @since 8.4 */ const SO_BINDTOIFINDEX = 62;
/** @var int */ const SOL_SOCKET = 1;
/** @var int */ const SOMAXCONN = 4096;
/** @var int */ const SO_MARK = 36;
/** @var int */ const SO_INCOMING_CPU = 49;
/** @var int */ const SO_MEMINFO = 55;
/** @var int */ const SO_BPF_EXTENSIONS = 48;
/** @var int */ const SKF_AD_OFF = -4096;
/** @var int */ const SKF_AD_PROTOCOL = 0;
/** @var int */ const SKF_AD_PKTTYPE = 4;
/** @var int */ const SKF_AD_IFINDEX = 8;
/** @var int */ const SKF_AD_NLATTR = 12;
/** @var int */ const SKF_AD_NLATTR_NEST = 16;
/** @var int */ const SKF_AD_MARK = 20;
/** @var int */ const SKF_AD_QUEUE = 24;
/** @var int */ const SKF_AD_HATYPE = 28;
/** @var int */ const SKF_AD_RXHASH = 32;
/** @var int */ const SKF_AD_CPU = 36;
/** @var int */ const SKF_AD_ALU_XOR_X = 40;
/** @var int */ const SKF_AD_VLAN_TAG = 44;
/** @var int */ const SKF_AD_VLAN_TAG_PRESENT = 48;
/** @var int */ const SKF_AD_PAY_OFFSET = 52;
/** @var int */ const SKF_AD_RANDOM = 56;
/** @var int */ const SKF_AD_VLAN_TPID = 60;
/** @var int */ const SKF_AD_MAX = 64;
/** @var int */ const TCP_CONGESTION = 13;
/** @var int @since 8.4 */ const TCP_SYNCNT = 7;
/** @var int */ const SO_ZEROCOPY = 60;
/** @var int */ const TCP_NODELAY = 1;
/** @var int */ const TCP_NOTSENT_LOWAT = 25;
/** @var int */ const TCP_DEFER_ACCEPT = 9;
/** @var int */ const TCP_KEEPIDLE = 4;
/** @var int */ const TCP_KEEPINTVL = 5;
/** @var int */ const TCP_KEEPCNT = 6;
/** @var int */ const PHP_NORMAL_READ = 1;
/** @var int */ const PHP_BINARY_READ = 2;
/** @var int */ const MCAST_JOIN_GROUP = 42;
/** @var int */ const MCAST_LEAVE_GROUP = 45;
/** @var int */ const MCAST_BLOCK_SOURCE = 43;
/** @var int */ const MCAST_UNBLOCK_SOURCE = 44;
/** @var int */ const MCAST_JOIN_SOURCE_GROUP = 46;
/** @var int */ const MCAST_LEAVE_SOURCE_GROUP = 47;
/** @var int */ const IP_MULTICAST_IF = 32;
/** @var int */ const IP_MULTICAST_TTL = 33;
/** @var int */ const IP_MULTICAST_LOOP = 34;
/** @var int @since 8.4 */ const IP_BIND_ADDRESS_NO_PORT = 24;
/** @var int */ const IPV6_MULTICAST_IF = 17;
/** @var int */ const IPV6_MULTICAST_HOPS = 18;
/** @var int */ const IPV6_MULTICAST_LOOP = 19;
/** @var int */ const IPV6_V6ONLY = 26;
/** @var int */ const SOCKET_EPERM = 1;
/** @var int */ const SOCKET_ENOENT = 2;
/** @var int */ const SOCKET_EINTR = 4;
/** @var int */ const SOCKET_EIO = 5;
/** @var int */ const SOCKET_ENXIO = 6;
/** @var int */ const SOCKET_E2BIG = 7;
/** @var int */ const SOCKET_EBADF = 9;
/** @var int */ const SOCKET_EAGAIN = 11;
/** @var int */ const SOCKET_ENOMEM = 12;
/** @var int */ const SOCKET_EACCES = 13;
/** @var int */ const SOCKET_EFAULT = 14;
/** @var int */ const SOCKET_ENOTBLK = 15;
/** @var int */ const SOCKET_EBUSY = 16;
/** @var int */ const SOCKET_EEXIST = 17;
/** @var int */ const SOCKET_EXDEV = 18;
/** @var int */ const SOCKET_ENODEV = 19;
/** @var int */ const SOCKET_ENOTDIR = 20;
/** @var int */ const SOCKET_EISDIR = 21;
/** @var int */ const SOCKET_EINVAL = 22;
/** @var int */ const SOCKET_ENFILE = 23;
/** @var int */ const SOCKET_EMFILE = 24;
/** @var int */ const SOCKET_ENOTTY = 25;
/** @var int */ const SOCKET_ENOSPC = 28;
/** @var int */ const SOCKET_ESPIPE = 29;
/** @var int */ const SOCKET_EROFS = 30;
/** @var int */ const SOCKET_EMLINK = 31;
/** @var int */ const SOCKET_EPIPE = 32;
/** @var int */ const SOCKET_ENAMETOOLONG = 36;
/** @var int */ const SOCKET_ENOLCK = 37;
/** @var int */ const SOCKET_ENOSYS = 38;
/** @var int */ const SOCKET_ENOTEMPTY = 39;
/** @var int */ const SOCKET_ELOOP = 40;
/** @var int */ const SOCKET_EWOULDBLOCK = 11;
/** @var int */ const SOCKET_ENOMSG = 42;
/** @var int */ const SOCKET_EIDRM = 43;
/** @var int */ const SOCKET_ECHRNG = 44;
/** @var int */ const SOCKET_EL2NSYNC = 45;
/** @var int */ const SOCKET_EL3HLT = 46;
/** @var int */ const SOCKET_EL3RST = 47;
/** @var int */ const SOCKET_ELNRNG = 48;
/** @var int */ const SOCKET_EUNATCH = 49;
/** @var int */ const SOCKET_ENOCSI = 50;
/** @var int */ const SOCKET_EL2HLT = 51;
/** @var int */ const SOCKET_EBADE = 52;
/** @var int */ const SOCKET_EBADR = 53;
/** @var int */ const SOCKET_EXFULL = 54;
/** @var int */ const SOCKET_ENOANO = 55;
/** @var int */ const SOCKET_EBADRQC = 56;
/** @var int */ const SOCKET_EBADSLT = 57;
/** @var int */ const SOCKET_ENOSTR = 60;
/** @var int */ const SOCKET_ENODATA = 61;
/** @var int */ const SOCKET_ETIME = 62;
/** @var int */ const SOCKET_ENOSR = 63;
/** @var int */ const SOCKET_ENONET = 64;
/** @var int */ const SOCKET_EREMOTE = 66;
/** @var int */ const SOCKET_ENOLINK = 67;
/** @var int */ const SOCKET_EADV = 68;
/** @var int */ const SOCKET_ESRMNT = 69;
/** @var int */ const SOCKET_ECOMM = 70;
/** @var int */ const SOCKET_EPROTO = 71;
/** @var int */ const SOCKET_EMULTIHOP = 72;
/** @var int */ const SOCKET_EBADMSG = 74;
/** @var int */ const SOCKET_ENOTUNIQ = 76;
/** @var int */ const SOCKET_EBADFD = 77;
/** @var int */ const SOCKET_EREMCHG = 78;
/** @var int */ const SOCKET_ERESTART = 85;
/** @var int */ const SOCKET_ESTRPIPE = 86;
/** @var int */ const SOCKET_EUSERS = 87;
/** @var int */ const SOCKET_ENOTSOCK = 88;
/** @var int */ const SOCKET_EDESTADDRREQ = 89;
/** @var int */ const SOCKET_EMSGSIZE = 90;
/** @var int */ const SOCKET_EPROTOTYPE = 91;
/** @var int */ const SOCKET_ENOPROTOOPT = 92;
/** @var int */ const SOCKET_EPROTONOSUPPORT = 93;
/** @var int */ const SOCKET_ESOCKTNOSUPPORT = 94;
/** @var int */ const SOCKET_EOPNOTSUPP = 95;
/** @var int */ const SOCKET_EPFNOSUPPORT = 96;
/** @var int */ const SOCKET_EAFNOSUPPORT = 97;
/** @var int */ const SOCKET_EADDRINUSE = 98;
/** @var int */ const SOCKET_EADDRNOTAVAIL = 99;
/** @var int */ const SOCKET_ENETDOWN = 100;
/** @var int */ const SOCKET_ENETUNREACH = 101;
/** @var int */ const SOCKET_ENETRESET = 102;
/** @var int */ const SOCKET_ECONNABORTED = 103;
/** @var int */ const SOCKET_ECONNRESET = 104;
/** @var int */ const SOCKET_ENOBUFS = 105;
/** @var int */ const SOCKET_EISCONN = 106;
/** @var int */ const SOCKET_ENOTCONN = 107;
/** @var int */ const SOCKET_ESHUTDOWN = 108;
/** @var int */ const SOCKET_ETOOMANYREFS = 109;
/** @var int */ const SOCKET_ETIMEDOUT = 110;
/** @var int */ const SOCKET_ECONNREFUSED = 111;
/** @var int */ const SOCKET_EHOSTDOWN = 112;
/** @var int */ const SOCKET_EHOSTUNREACH = 113;
/** @var int */ const SOCKET_EALREADY = 114;
/** @var int */ const SOCKET_EINPROGRESS = 115;
/** @var int */ const SOCKET_EISNAM = 120;
/** @var int */ const SOCKET_EREMOTEIO = 121;
/** @var int */ const SOCKET_EDQUOT = 122;
/** @var int */ const SOCKET_ENOMEDIUM = 123;
/** @var int */ const SOCKET_EMEDIUMTYPE = 124;
/** @var int */ const IPPROTO_IP = 0;
/** @var int */ const IPPROTO_IPV6 = 41;
/** @var int */ const SOL_TCP = 6;
/** @var int */ const SOL_UDP = 17;
/** @var int @since 8.3 */ const SOL_UDPLITE = 136;
/** @var int */ const IPV6_UNICAST_HOPS = 16;
/** @var int */ const AI_PASSIVE = 1;
/** @var int */ const AI_CANONNAME = 2;
/** @var int */ const AI_NUMERICHOST = 4;
/** @var int */ const AI_V4MAPPED = 8;
/** @var int */ const AI_ALL = 16;
/** @var int */ const AI_ADDRCONFIG = 32;
/** @var int */ const AI_IDN = 64;
/** @var int */ const AI_CANONIDN = 128;
/** @var int */ const AI_NUMERICSERV = 1024;
/** @var int */ const IPV6_RECVPKTINFO = 49;
/** @var int */ const IPV6_PKTINFO = 50;
/** @var int */ const IPV6_RECVHOPLIMIT = 51;
/** @var int */ const IPV6_HOPLIMIT = 52;
/** @var int */ const IPV6_RECVTCLASS = 66;
/** @var int */ const IPV6_TCLASS = 67;
/** @var int */ const SCM_RIGHTS = 1;
/** @var int */ const SCM_CREDENTIALS = 2;
/** @var int */ const SO_PASSCRED = 16;
/** @var int @since 8.3 */ const SO_ATTACH_REUSEPORT_CBPF = 51;
/** @var int @since 8.3 */ const SO_DETACH_FILTER = 27;
/** @var int @since 8.3 */ const SO_DETACH_BPF = 27;
/** @var int @since 8.3 */ const TCP_QUICKACK = 12;
/** @var int @since 8.4 */ const TCP_REPAIR = 19;
/** @var int @since 8.4 */ const IP_MTU_DISCOVER = 10;
/** @var int @since 8.4 */ const IP_PMTUDISC_DO = 2;
/** @var int @since 8.4 */ const IP_PMTUDISC_DONT = 0;
/** @var int @since 8.4 */ const IP_PMTUDISC_WANT = 1;
/** @var int @since 8.4 */ const IP_PMTUDISC_PROBE = 3;
/** @var int @since 8.4 */ const IP_PMTUDISC_INTERFACE = 4;
/** @var int @since 8.4 */ const IP_PMTUDISC_OMIT = 5;

/**
 * @strict-properties
 * @not-serializable
 */
final class Socket
{
}

/**
 * @strict-properties
 * @not-serializable
 */
final class AddressInfo
{
}

/**
 * @param array<int|string, Socket>|null $read
 * @param array<int|string, Socket>|null $write
 * @param array<int|string, Socket>|null $except
 */
function socket_select(?array &$read, ?array &$write, ?array &$except, ?int $seconds, int $microseconds = 0): int|false {}

/** @removed 8.4 */
function socket_create_listen(int $port, int $backlog = 128): Socket|false {}
/** @since 8.4 */
function socket_create_listen(int $port, int $backlog = SOMAXCONN): Socket|false {}

function socket_accept(Socket $socket): Socket|false {}

function socket_set_nonblock(Socket $socket): bool {}

function socket_set_block(Socket $socket): bool {}

function socket_listen(Socket $socket, int $backlog = 0): bool {}

function socket_close(Socket $socket): void {}

function socket_write(Socket $socket, string $data, ?int $length = null): int|false {}

function socket_read(Socket $socket, int $length, int $mode = PHP_BINARY_READ): string|false {}

/**
 * @param string $address
 * @param int $port
 */
function socket_getsockname(Socket $socket, &$address, &$port = null): bool {}

/**
 * @param string $address
 * @param int $port
 */
function socket_getpeername(Socket $socket, &$address, &$port = null): bool {}

function socket_create(int $domain, int $type, int $protocol): Socket|false {}

function socket_connect(Socket $socket, string $address, ?int $port = null): bool {}

function socket_strerror(int $error_code): string {}

function socket_bind(Socket $socket, string $address, int $port = 0): bool {}

/** @param string|null $data */
function socket_recv(Socket $socket, &$data, int $length, int $flags): int|false {}

function socket_send(Socket $socket, string $data, int $length, int $flags): int|false {}

/**
 * @param string $data
 * @param string $address
 * @param int $port
 */
function socket_recvfrom(Socket $socket, &$data, int $length, int $flags, &$address, &$port = null): int|false {}

function socket_sendto(Socket $socket, string $data, int $length, int $flags, string $address, ?int $port = null): int|false {}

function socket_get_option(Socket $socket, int $level, int $option): array|int|false {}

/** @alias socket_get_option */
function socket_getopt(Socket $socket, int $level, int $option): array|int|false {}

/** @param array|string|int $value */
function socket_set_option(Socket $socket, int $level, int $option, $value): bool {}

/**
 * @param array|string|int $value
 * @alias socket_set_option
 */
function socket_setopt(Socket $socket, int $level, int $option, $value): bool {}

/** @param array $pair */
function socket_create_pair(int $domain, int $type, int $protocol, &$pair): bool {}

function socket_shutdown(Socket $socket, int $mode = 2): bool {}

/** @since 8.3 */
function socket_atmark(Socket $socket): bool {}

function socket_last_error(?Socket $socket = null): int {}

function socket_clear_error(?Socket $socket = null): void {}

/** @param resource $stream */
function socket_import_stream($stream): Socket|false {}

/** @return resource|false */
function socket_export_stream(Socket $socket) {}

function socket_sendmsg(Socket $socket, array $message, int $flags = 0): int|false {}

function socket_recvmsg(Socket $socket, array &$message, int $flags = 0): int|false {}

function socket_cmsg_space(int $level, int $type, int $num = 0): ?int {}

/** @return array<int, AddressInfo>|false */
function socket_addrinfo_lookup(string $host, ?string $service = null, array $hints = []): array|false {}

function socket_addrinfo_connect(AddressInfo $address): Socket|false {}

function socket_addrinfo_bind(AddressInfo $address): Socket|false {}

/** @return array{ai_flags: int, ai_family: int, ai_socktype: int, ai_protocol: int, ai_canonname?: string, ai_addr: array} */
function socket_addrinfo_explain(AddressInfo $address): array {}
