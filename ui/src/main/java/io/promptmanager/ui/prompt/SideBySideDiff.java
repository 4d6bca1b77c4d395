package io.promptmanager.ui.prompt;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.theme.lumo.LumoUtility;

import java.util.List;

/**
 * Two texts side by side, line against line (java-diff-utils finds what changed): lines only in
 * the old text are red on the left, lines only in the new one green on the right, a changed block
 * both, with blank cells where one side has fewer lines. Each cell says what it is in
 * {@code data-change} ({@code removed}, {@code added}, {@code unchanged}, {@code empty}) and with
 * a − or + before the line, so colour is not the only sign.
 */
final class SideBySideDiff extends Div {
    /** @param before the old text, null when the field was absent; {@code after} likewise */
    SideBySideDiff(String before, String after) {
        addClassNames(LumoUtility.Display.GRID, LumoUtility.Grid.Column.COLUMNS_2, LumoUtility.Gap.Column.SMALL,
                LumoUtility.Border.ALL, LumoUtility.BorderColor.CONTRAST_10, LumoUtility.BorderRadius.MEDIUM,
                LumoUtility.Padding.XSMALL, LumoUtility.Width.FULL);
        List<String> old = lines(before);
        List<String> now = lines(after);
        int oldAt = 0;
        int nowAt = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(old, now).getDeltas()) {
            for (; oldAt < delta.getSource().getPosition(); oldAt++, nowAt++) {
                unchanged(old.get(oldAt), now.get(nowAt));
            }
            List<String> removed = delta.getSource().getLines();
            List<String> added = delta.getTarget().getLines();
            for (int i = 0; i < Math.max(removed.size(), added.size()); i++) {
                add(i < removed.size() ? marked(removed.get(i), "removed", "−", LumoUtility.Background.ERROR_10)
                        : blank());
                add(i < added.size() ? marked(added.get(i), "added", "+", LumoUtility.Background.SUCCESS_10)
                        : blank());
            }
            oldAt += removed.size();
            nowAt += added.size();
        }
        for (; oldAt < old.size(); oldAt++, nowAt++) {
            unchanged(old.get(oldAt), now.get(nowAt));
        }
    }

    private void unchanged(String oldLine, String newLine) {
        add(cell("  " + oldLine, "unchanged"), cell("  " + newLine, "unchanged"));
    }

    private static Pre marked(String line, String change, String sign, String background) {
        Pre cell = cell(sign + " " + line, change);
        cell.addClassNames(background);
        return cell;
    }

    private static Pre blank() {
        return cell("", "empty");
    }

    private static Pre cell(String text, String change) {
        Pre cell = new Pre(text);
        cell.addClassNames(LumoUtility.Margin.NONE, LumoUtility.Padding.Horizontal.SMALL, LumoUtility.FontSize.SMALL,
                LumoUtility.Whitespace.PRE_WRAP);
        cell.getElement().setAttribute("data-change", change);
        return cell;
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().toList();
    }
}
