package org.ngrelay.core.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CodecRulesTest {

    private static final String SDP = "v=0\r\nc=IN IP4 192.0.2.1\r\nm=audio 6000 RTP/AVP 0 8 9 101\r\n"
            + "a=rtpmap:101 telephone-event/8000\r\n";

    private static List<String> apply(CodecRules rules) throws SdpException {
        return rules.apply(SessionDescription.parse(SDP).media().get(0));
    }

    @Test
    void stripAndMaskRemoveByNameOrNameAndRate() throws SdpException {
        assertThat(apply(new CodecRules(List.of("PCMA"), List.of(), List.of(), List.of()))).containsExactly("0", "9", "101");
        assertThat(apply(new CodecRules(List.of("pcma/8000"), List.of("telephone-event"), List.of(), List.of()))).containsExactly("0", "9");
    }

    @Test
    void stripAllKeepsExceptAndOfferedOnesInTheirOrder() throws SdpException {
        assertThat(apply(new CodecRules(List.of("all"), List.of(), List.of(), List.of("PCMU")))).containsExactly("0");
        assertThat(apply(new CodecRules(List.of("all"), List.of(), List.of("G722", "PCMA"), List.of()))).containsExactly("8", "9");
        // 10.5 does not reorder for offer (golden 071)
        assertThat(apply(new CodecRules(List.of(), List.of(), List.of("PCMA"), List.of()))).containsExactly("0", "8", "9", "101");
    }

    @Test
    void rulesThatWouldLeaveNothingOrNamePayloadNumbersChangeNothing() throws SdpException {
        assertThat(apply(new CodecRules(List.of("all"), List.of(), List.of(), List.of()))).containsExactly("0", "8", "9", "101");
        assertThat(apply(new CodecRules(List.of("8"), List.of(), List.of(), List.of()))).containsExactly("0", "8", "9", "101");
    }
}
