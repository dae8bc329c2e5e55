package org.trdcds.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Whether a request's remote address is 127.0.0.0/8 or ::1. Never resolves a name. */
final class LoopbackAddress {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private LoopbackAddress() {}

    static boolean is(String remoteAddress) {
        if (remoteAddress == null) {
            return false;
        }
        String address = remoteAddress.startsWith("[") && remoteAddress.endsWith("]")
                ? remoteAddress.substring(1, remoteAddress.length() - 1)
                : remoteAddress;
        Matcher ipv4 = IPV4.matcher(address);
        if (ipv4.matches()) {
            for (int group = 1; group <= 4; group++) {
                if (Integer.parseInt(ipv4.group(group)) > 255) {
                    return false;
                }
            }
            return "127".equals(ipv4.group(1));
        }
        if (IPV6.matcher(address).matches()) {
            try {
                // a literal with ':' is parsed, never looked up
                return InetAddress.getByName(address).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }
}
