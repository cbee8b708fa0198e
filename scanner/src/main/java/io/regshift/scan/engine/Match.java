package io.regshift.scan.engine;

import io.regshift.scan.Rule;

/**
 * Where a rule matched in a text: character offsets into the Latin-1 view of the bytes, so they
 * are byte offsets too. For an SDK call ({@code call}), {@code spanEnd} is just past the call's
 * closing parenthesis; for anything else it is {@code end}.
 */
record Match(Rule rule, int start, int end, int spanEnd, boolean call) {}
