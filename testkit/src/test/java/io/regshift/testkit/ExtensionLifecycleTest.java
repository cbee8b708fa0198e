package io.regshift.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExtensionLifecycleTest {
    @RegisterExtension
    final FakeCloudflare perTest = FakeCloudflare.create();

    private static FakeCloudflare previous;

    @Test
    @Order(1)
    void anInstanceFieldIsStartedForTheTest() {
        perTest.givenRevoked("acc", "a");
        assertThat(perTest.revokedIds("acc")).containsExactly("a");
        assertThat(perTest.baseUrl()).startsWith("http://127.0.0.1:").endsWith("/client/v4");
        previous = perTest;
    }

    @Test
    @Order(2)
    void andStoppedAfterIt() {
        assertThat(previous).isNotSameAs(perTest);
        assertThatThrownBy(previous::baseUrl)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not running");
        assertThat(perTest.revokedIds("acc")).isEmpty();
    }

    @Test
    void resetForgetsStateFaultsAndJournal() {
        perTest.givenRevoked("acc", "a").inject(Fault.connectionReset());

        perTest.reset();

        assertThat(perTest.revokedIds("acc")).isEmpty();
        assertThat(perTest.calls()).isEmpty();
    }
}
