package org.trdcds.hooks;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.ApplicationContext;
import org.trdcds.hooks.HookInvocation.CardsResponse;

/** The start-up warm-up rehearses each hook that has a warm-up request, records nothing, and never fails start-up. */
class StartupWarmUpTest {

    private static final ServiceCatalog CATALOG =
            new ServiceCatalog(new ObjectMapper(), org.trdcds.knowledge.ProjectKnowledge.get());

    private final HookInvocation invocation = mock(HookInvocation.class);

    @Test
    void rehearsesEveryHookWithAWarmUpRequestAndNeverInvokes() {
        when(invocation.rehearse(any(), any())).thenReturn(new CardsResponse(List.of()));

        warmUp(3).run(new DefaultApplicationArguments());

        verify(invocation, times(3)).rehearse(eq("ketamine-tms-screening"), any());
        verify(invocation, times(3)).rehearse(eq("ketamine-tms-order-sign"), any());
        verify(invocation, never()).rehearse(eq("ketamine-tms-order-select"), any());
        verify(invocation, never()).invoke(any(), any());
    }

    @Test
    void zeroRoundsTurnsItOff() {
        warmUp(0).run(new DefaultApplicationArguments());

        verifyNoInteractions(invocation);
    }

    @Test
    void aFailingRehearsalDoesNotStopTheApplication() {
        when(invocation.rehearse(any(), any())).thenThrow(new IllegalStateException("broken"));

        assertThatCode(() -> warmUp(5).run(new DefaultApplicationArguments())).doesNotThrowAnyException();
        verify(invocation, times(1)).rehearse(any(), any());
    }

    private StartupWarmUp warmUp(int rounds) {
        return new StartupWarmUp(
                CATALOG,
                invocation,
                new ObjectMapper(),
                mock(ApplicationContext.class),
                new WarmUpKey(),
                new WarmUpProperties(rounds, java.time.Duration.ofMillis(1500)));
    }
}
