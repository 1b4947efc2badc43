package org.pumpauth.server.letters;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void markup_in_a_text_stays_text() {
        assertThat(new Html().element("p", "a <b> & \"c\" 'd'").toString())
                .isEqualTo("<p>a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;</p>");
    }

    @Test
    void control_characters_other_than_line_breaks_and_tabs_become_spaces() {
        assertThat(Html.escape("a\u0000b\u001fc\nd\te\rf")).isEqualTo("a b c\nd\te\rf");
    }

    @Test
    void a_text_with_nothing_to_escape_is_written_as_it_is() {
        String text = "Intrathecal morphine trial, 50% relief (2024-03-01)";
        assertThat(Html.escape(text)).isSameAs(text);
        assertThat(new Html().element("p", text).toString()).isEqualTo("<p>" + text + "</p>");
    }

    @Test
    void attribute_values_are_escaped_like_texts() {
        assertThat(new Html().open("a", "href", "x?a=1&b=\"2\"").close("a").toString())
                .isEqualTo("<a href=\"x?a=1&amp;b=&quot;2&quot;\"></a>");
    }

    @Test
    void the_escaped_part_follows_the_unescaped_start() {
        assertThat(Html.escape("plain start then <tag>")).isEqualTo("plain start then &lt;tag&gt;");
    }
}
