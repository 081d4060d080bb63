/*
 * An independent SRTP peer for ngrelay's tests: libsrtp2 (Debian libsrtp2-dev) protecting and
 * unprotecting what the test hands it. Usage: srtp_peer SUITE MASTER_HEX [SERVICES [MKI_HEX]];
 * SERVICES is "-" or letters: r (UNENCRYPTED_SRTP), c (UNENCRYPTED_SRTCP), a (UNAUTHENTICATED_SRTP);
 * MKI_HEX puts the key in libsrtp 2.x's master-key array with that MKI. Then one command per
 * line on stdin: "P hex" protect RTP, "U hex" unprotect RTP, "PC hex" protect RTCP, "UC hex"
 * unprotect RTCP. Each answer is one line: "OK hex" or "ERR status".
 */
#include <srtp2/srtp.h>
#include <srtp2/auth.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int set_policy(const char *suite, srtp_crypto_policy_t *rtp, srtp_crypto_policy_t *rtcp) {
	if (!strcmp(suite, "AEAD_AES_128_GCM")) {
		srtp_crypto_policy_set_aes_gcm_128_16_auth(rtp);
		srtp_crypto_policy_set_aes_gcm_128_16_auth(rtcp);
	} else if (!strcmp(suite, "AEAD_AES_256_GCM")) {
		srtp_crypto_policy_set_aes_gcm_256_16_auth(rtp);
		srtp_crypto_policy_set_aes_gcm_256_16_auth(rtcp);
	} else if (!strcmp(suite, "AES_CM_128_HMAC_SHA1_80")) {
		srtp_crypto_policy_set_aes_cm_128_hmac_sha1_80(rtp);
		srtp_crypto_policy_set_aes_cm_128_hmac_sha1_80(rtcp);
	} else if (!strcmp(suite, "AES_CM_128_HMAC_SHA1_32")) {
		srtp_crypto_policy_set_aes_cm_128_hmac_sha1_32(rtp);
		srtp_crypto_policy_set_aes_cm_128_hmac_sha1_80(rtcp);
	} else if (!strcmp(suite, "AES_192_CM_HMAC_SHA1_80")) {
		srtp_crypto_policy_set_aes_cm_192_hmac_sha1_80(rtp);
		srtp_crypto_policy_set_aes_cm_192_hmac_sha1_80(rtcp);
	} else if (!strcmp(suite, "AES_192_CM_HMAC_SHA1_32")) {
		srtp_crypto_policy_set_aes_cm_192_hmac_sha1_32(rtp);
		srtp_crypto_policy_set_aes_cm_192_hmac_sha1_80(rtcp);
	} else if (!strcmp(suite, "AES_256_CM_HMAC_SHA1_80")) {
		srtp_crypto_policy_set_aes_cm_256_hmac_sha1_80(rtp);
		srtp_crypto_policy_set_aes_cm_256_hmac_sha1_80(rtcp);
	} else if (!strcmp(suite, "AES_256_CM_HMAC_SHA1_32")) {
		srtp_crypto_policy_set_aes_cm_256_hmac_sha1_32(rtp);
		srtp_crypto_policy_set_aes_cm_256_hmac_sha1_80(rtcp);
	} else if (!strcmp(suite, "NULL_HMAC_SHA1_80")) {
		srtp_crypto_policy_set_null_cipher_hmac_sha1_80(rtp);
		srtp_crypto_policy_set_null_cipher_hmac_sha1_80(rtcp);
	} else if (!strcmp(suite, "NULL_HMAC_SHA1_32")) {
		srtp_crypto_policy_set_null_cipher_hmac_sha1_80(rtp);
		rtp->auth_tag_len = 4;
		srtp_crypto_policy_set_null_cipher_hmac_sha1_80(rtcp);
	} else {
		return -1;
	}
	return 0;
}

static int unhex(const char *s, unsigned char *out, int max) {
	int n = 0;
	while (s[0] && s[1] && s[0] != '\n' && n < max) {
		unsigned int b;
		if (sscanf(s, "%2x", &b) != 1)
			return -1;
		out[n++] = (unsigned char) b;
		s += 2;
	}
	return n;
}

int main(int argc, char **argv) {
	unsigned char key[64];
	unsigned char buf[4096];
	char line[9000];
	unsigned char mki[16];
	int mki_len = 0;
	srtp_master_key_t master, *masters[1] = {&master};
	srtp_policy_t out_policy, in_policy;
	srtp_t out, in;
	if (argc < 3 || argc > 5 || unhex(argv[2], key, sizeof(key)) <= 0)
		return 2;
	if (srtp_init() != srtp_err_status_ok)
		return 3;
	memset(&out_policy, 0, sizeof(out_policy));
	memset(&in_policy, 0, sizeof(in_policy));
	if (set_policy(argv[1], &out_policy.rtp, &out_policy.rtcp) || set_policy(argv[1], &in_policy.rtp, &in_policy.rtcp)) {
		printf("UNSUPPORTED\n");
		return 0;
	}
	out_policy.ssrc.type = ssrc_any_outbound;
	in_policy.ssrc.type = ssrc_any_inbound;
	if (argc >= 4) {
		const char *services = argv[3];
		srtp_policy_t *policies[2] = {&out_policy, &in_policy};
		for (int i = 0; i < 2; i++) {
			if (strchr(services, 'r'))
				policies[i]->rtp.sec_serv &= ~sec_serv_conf;
			if (strchr(services, 'a')) {
				/* libsrtp2 says "no authentication" with the null auth function and no tag */
				policies[i]->rtp.sec_serv &= ~sec_serv_auth;
				policies[i]->rtp.auth_type = SRTP_NULL_AUTH;
				policies[i]->rtp.auth_key_len = 0;
				policies[i]->rtp.auth_tag_len = 0;
			}
			if (strchr(services, 'c'))
				policies[i]->rtcp.sec_serv &= ~sec_serv_conf;
		}
	}
	if (argc == 5 && (mki_len = unhex(argv[4], mki, sizeof(mki))) <= 0)
		return 2;
	if (mki_len > 0) {
		master.key = key;
		master.mki_id = mki;
		master.mki_size = mki_len;
		out_policy.keys = in_policy.keys = masters;
		out_policy.num_master_keys = in_policy.num_master_keys = 1;
	} else {
		out_policy.key = in_policy.key = key;
	}
	out_policy.window_size = in_policy.window_size = 128;
	if (srtp_create(&out, &out_policy) != srtp_err_status_ok || srtp_create(&in, &in_policy) != srtp_err_status_ok) {
		printf("UNSUPPORTED\n");
		return 0;
	}
	printf("READY\n");
	fflush(stdout);
	while (fgets(line, sizeof(line), stdin)) {
		char *space = strchr(line, ' ');
		if (!space)
			continue;
		*space = 0;
		int len = unhex(space + 1, buf, 2048);
		srtp_err_status_t st;
		if (!strcmp(line, "P"))
			st = srtp_protect_mki(out, buf, &len, mki_len > 0, 0);
		else if (!strcmp(line, "U"))
			st = srtp_unprotect_mki(in, buf, &len, mki_len > 0);
		else if (!strcmp(line, "PC"))
			st = srtp_protect_rtcp_mki(out, buf, &len, mki_len > 0, 0);
		else if (!strcmp(line, "UC"))
			st = srtp_unprotect_rtcp_mki(in, buf, &len, mki_len > 0);
		else
			st = srtp_err_status_bad_param;
		if (st != srtp_err_status_ok) {
			printf("ERR %d\n", st);
		} else {
			printf("OK ");
			for (int i = 0; i < len; i++)
				printf("%02x", buf[i]);
			printf("\n");
		}
		fflush(stdout);
	}
	return 0;
}
