package health.wearables.application.port.out;

class ReversibleTokenCipherTest extends TokenCipherContract {
    @Override
    protected TokenCipher cipher() {
        return new ReversibleTokenCipher();
    }
}
