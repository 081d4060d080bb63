# minimal SRTP AES_CM_128_HMAC_SHA1_80/32 (RFC 3711), ROC 0, for probing rtpengine
import hmac, hashlib, struct
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
def _ctr(key, iv16, n):
    e = Cipher(algorithms.AES(key), modes.CTR(iv16)).encryptor(); return e.update(b"\0"*n)
def derive(master, label, n):
    key, salt = master[:16], master[16:30]
    x = int.from_bytes(salt, "big") ^ (label << 48)
    return _ctr(key, (x << 16).to_bytes(16, "big"), n)
class Srtp:
    def __init__(self, master, tag=10, encrypt=True, auth=True, mki=b""):
        self.ke = derive(master, 0, 16); self.ka = derive(master, 1, 20); self.ks = derive(master, 2, 14)
        self.tag = tag; self.encrypt = encrypt; self.auth = auth; self.mki = mki
    def _ks(self, ssrc, idx, n):
        iv = (int.from_bytes(self.ks, "big") << 16) ^ (ssrc << 64) ^ (idx << 16)
        return _ctr(self.ke, iv.to_bytes(16, "big"), n)
    def protect(self, pkt, roc=0):
        seq, ssrc = struct.unpack("!H", pkt[2:4])[0], struct.unpack("!I", pkt[8:12])[0]
        hdr, pay = pkt[:12], pkt[12:]
        if self.encrypt: pay = bytes(a ^ b for a, b in zip(pay, self._ks(ssrc, (roc << 16) | seq, len(pay))))
        out = hdr + pay
        t = hmac.new(self.ka, out + struct.pack("!I", roc), hashlib.sha1).digest()[:self.tag] if self.auth else b""
        return out + self.mki + t
    def unprotect(self, pkt, roc=0):
        n = len(self.mki) + (self.tag if self.auth else 0)
        body, t = pkt[:len(pkt) - n], pkt[len(pkt) - (self.tag if self.auth else 0):]
        if self.auth and hmac.new(self.ka, body + struct.pack("!I", roc), hashlib.sha1).digest()[:self.tag] != t: return None
        seq, ssrc = struct.unpack("!H", body[2:4])[0], struct.unpack("!I", body[8:12])[0]
        pay = body[12:]
        if self.encrypt: pay = bytes(a ^ b for a, b in zip(pay, self._ks(ssrc, (roc << 16) | seq, len(pay))))
        return body[:12] + pay
def rtp(seq, ssrc, n=160, pt=0):
    return struct.pack("!BBHII", 0x80, pt, seq, seq * 160, ssrc) + bytes((i * 7 + seq) & 0xff for i in range(n))
