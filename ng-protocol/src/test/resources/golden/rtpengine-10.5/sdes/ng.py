import socket, sys, os, random
def benc(o):
    if isinstance(o, int): return b"i%de" % o
    if isinstance(o, str): o = o.encode()
    if isinstance(o, bytes): return b"%d:%s" % (len(o), o)
    if isinstance(o, list): return b"l" + b"".join(benc(x) for x in o) + b"e"
    if isinstance(o, dict): return b"d" + b"".join(benc(k) + benc(v) for k, v in sorted(o.items())) + b"e"
def bdec(b, i=0):
    c = b[i:i+1]
    if c == b"i":
        j = b.index(b"e", i); return int(b[i+1:j]), j+1
    if c == b"l":
        i += 1; out = []
        while b[i:i+1] != b"e":
            v, i = bdec(b, i); out.append(v)
        return out, i+1
    if c == b"d":
        i += 1; out = {}
        while b[i:i+1] != b"e":
            k, i = bdec(b, i); v, i = bdec(b, i); out[k if isinstance(k,str) else k.decode()] = v
        return out, i+1
    j = b.index(b":", i); n = int(b[i:j]); s = b[j+1:j+1+n]
    try: s = s.decode()
    except: pass
    return s, j+1+n
def udp(port, d, host="127.0.0.1"):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.settimeout(3)
    cookie = b"%x" % random.getrandbits(40)
    s.sendto(cookie + b" " + benc(d), (host, port))
    data = s.recv(70000)
    return bdec(data[data.index(b" ")+1:])[0]
def tcp_conn(port):
    s = socket.create_connection(("127.0.0.1", port), timeout=3); return s
def tcp(s, d):
    cookie = b"%x" % random.getrandbits(40)
    s.sendall(cookie + b" " + benc(d))
    buf = b""
    while True:
        buf += s.recv(70000)
        try:
            v, end = bdec(buf, buf.index(b" ")+1); return v
        except (ValueError, IndexError): continue
