package io.synthline.commons.pii;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValidatorsTest {
    @Test
    void identifiersAreCheckedByTheirRulesAndChecksums() {
        assertThat(Validators.luhn("4111111111111111")).isTrue();
        assertThat(Validators.luhn("4111111111111112")).isFalse();
        assertThat(Validators.cardBrand("4111 1111 1111 1111")).isEqualTo("VISA");
        assertThat(Validators.cardBrand("5500-0000-0000-0004")).isEqualTo("MASTERCARD");
        assertThat(Validators.cardBrand("378282246310005")).isEqualTo("AMEX");
        assertThat(Validators.ibanCountry("DE89 3704 0044 0532 0130 00")).isEqualTo("DE");
        assertThat(Validators.ibanCountry("GB82WEST12345698765432")).isEqualTo("GB");
        assertThat(Validators.ibanCountry("GB82WEST12345698765433")).isNull();
        assertThat(Validators.isValidSsn("123-45-6789")).isTrue();
        assertThat(Validators.isValidSsn("666-45-6789")).isFalse();
        assertThat(Validators.isValidSsn("923-45-6789")).isFalse();
        assertThat(Validators.isValidSsn("123-00-6789")).isFalse();
        assertThat(Validators.isNino("AB 12 34 56 C")).isTrue();
        assertThat(Validators.isNino("BG123456C")).isFalse();
        assertThat(Validators.isIpv4("192.168.0.1")).isTrue();
        assertThat(Validators.isIpv4("256.1.1.1")).isFalse();
        assertThat(Validators.isIpv4("01.1.1.1")).isFalse();
        assertThat(Validators.isIpv6("2001:db8::8a2e:370:7334")).isTrue();
        assertThat(Validators.isIpv6("::ffff:192.0.2.128")).isTrue();
        assertThat(Validators.isIpv6("12:30:45")).isFalse();
        assertThat(Validators.isIpv6("00:1a:2b:3c:4d:5e")).isFalse();
        assertThat(Validators.isEmail("a.b+c@example.co.uk")).isTrue();
        assertThat(Validators.isEmail("not an email")).isFalse();
        assertThat(Validators.isPhone("(415) 555-0132")).isTrue();
        assertThat(Validators.isPhone("+49 30 901820")).isTrue();
        assertThat(Validators.isPhone("2024-01-01")).isFalse();
        assertThat(Validators.isPhone("192.168.100.100")).isFalse();
    }

    @Test
    void cardsOfEveryIssuerPassWithSixteenDigitsAndABrandOtherwise() {
        assertThat(Validators.isCardNumber("2200 0000 0000 0004")).isTrue(); // Mir: no common brand, 16 digits
        assertThat(Validators.cardBrand("2200000000000004")).isNull();
        assertThat(Validators.isCardNumber("2200000000000005")).isFalse(); // Luhn
        assertThat(Validators.isCardNumber("378282246310005")).isTrue(); // Amex: 15 digits with its brand
        assertThat(Validators.isCardNumber("356938035643809")).isFalse(); // 15 digits, no brand: an IMEI
    }

    @Test
    void streetAddressesInThreeLocales() {
        assertThat(Validators.streetAddressLocale("6057 Grady Common")).isEqualTo("en-US");
        assertThat(Validators.streetAddressLocale("22340 Sophie Curves, Unit 8LD1SN")).isEqualTo("en-US");
        assertThat(Validators.streetAddressLocale("Hauptstraße 5")).isEqualTo("de-DE");
        assertThat(Validators.streetAddressLocale("5 rue de la Paix")).isEqualTo("fr-FR");
        assertThat(Validators.streetAddressLocale("22340 Sophie Curveshq6or")).isNull();
        assertThat(Validators.streetAddressLocale("")).isNull();
    }
}
