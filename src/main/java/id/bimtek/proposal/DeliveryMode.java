package id.bimtek.proposal;

public enum DeliveryMode {
    OFFLINE, ONLINE, HYBRID
}
