/*
 * libsrtp2's own speed on the packet SrtpBenchmark uses (172-byte PCMU, SSRC 0x11223344,
 * protect then unprotect with the next sequence number each time), for docs/srtp.md.
 * Build and run: gcc -O2 -o srtp_timing srtp_timing.c -lsrtp2 && taskset -c 1 ./srtp_timing
 */
#include <srtp2/srtp.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

typedef void (*policy_fn)(srtp_crypto_policy_t *);

static double run(const char *name, policy_fn set, int master_len, long n) {
	unsigned char key[64], buf[256];
	srtp_policy_t out_policy, in_policy;
	srtp_t out, in;
	for (int i = 0; i < master_len; i++)
		key[i] = (unsigned char) (i * 7 + 1);
	memset(&out_policy, 0, sizeof(out_policy));
	memset(&in_policy, 0, sizeof(in_policy));
	set(&out_policy.rtp);
	set(&out_policy.rtcp);
	set(&in_policy.rtp);
	set(&in_policy.rtcp);
	out_policy.ssrc.type = ssrc_any_outbound;
	in_policy.ssrc.type = ssrc_any_inbound;
	out_policy.key = in_policy.key = key;
	out_policy.window_size = in_policy.window_size = 128;
	if (srtp_create(&out, &out_policy) || srtp_create(&in, &in_policy)) {
		printf("%s: not supported\n", name);
		return 0;
	}
	struct timespec a, b;
	for (long pass = 0; pass < 2; pass++) {
		clock_gettime(CLOCK_MONOTONIC, &a);
		for (long i = 0; i < n; i++) {
			unsigned int seq = (unsigned int) (pass * n + i + 1);
			memset(buf, 0xff, 172);
			buf[0] = 0x80;
			buf[1] = 0;
			buf[2] = (unsigned char) (seq >> 8);
			buf[3] = (unsigned char) seq;
			unsigned int ts = seq * 160;
			buf[4] = ts >> 24; buf[5] = ts >> 16; buf[6] = ts >> 8; buf[7] = ts;
			buf[8] = 0x11; buf[9] = 0x22; buf[10] = 0x33; buf[11] = 0x44;
			int len = 172;
			if (srtp_protect(out, buf, &len) || srtp_unprotect(in, buf, &len) || len != 172) {
				printf("%s: round trip failed at %u\n", name, seq);
				return 0;
			}
		}
		clock_gettime(CLOCK_MONOTONIC, &b);
	}
	double ns = ((b.tv_sec - a.tv_sec) * 1e9 + (b.tv_nsec - a.tv_nsec)) / n;
	printf("libsrtp2 %-24s %8.1f ns/op protect+unprotect\n", name, ns);
	srtp_dealloc(out);
	srtp_dealloc(in);
	return ns;
}

int main(void) {
	long n = 1000000;
	srtp_init();
	run("AES_CM_128_HMAC_SHA1_80", srtp_crypto_policy_set_rtp_default, 30, n); /* a macro-less name for aes_cm_128_hmac_sha1_80 */
	run("AES_256_CM_HMAC_SHA1_80", srtp_crypto_policy_set_aes_cm_256_hmac_sha1_80, 46, n);
	run("AEAD_AES_128_GCM", srtp_crypto_policy_set_aes_gcm_128_16_auth, 28, n);
	run("AEAD_AES_256_GCM", srtp_crypto_policy_set_aes_gcm_256_16_auth, 44, n);
	run("NULL_HMAC_SHA1_80", srtp_crypto_policy_set_null_cipher_hmac_sha1_80, 30, n);
	return 0;
}
