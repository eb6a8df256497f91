package mdreport

// themes writes what the comments are about (view.Themes).
func (m *md) themes() {
	th := m.rep.Themes
	if th == nil {
		return
	}
	m.h(3, m.t("report.themes.title"))
	if !th.Shown {
		m.p("%s", escape(th.Why))
		return
	}
	m.p("%s", escape(th.Intro))
	var rows [][]string
	for _, r := range th.Rows {
		rows = append(rows, []string{cellText(r.Def.Title), cellText(r.Cell), cellText(r.Dimension)})
	}
	m.table("lrl", []string{m.t("report.themes.col_theme"), m.t("report.themes.col_comments"), m.t("report.themes.col_dimension")}, rows)
	m.p("%s", escape(th.Note))
	for _, a := range th.Attrs {
		m.h(4, m.t("report.themes.by", a.Name))
		if len(a.Values) > 0 {
			head, align := []string{m.t("report.themes.col_theme")}, "l"
			for _, v := range a.Values {
				head, align = append(head, cellText(v)), align+"r"
			}
			var rows [][]string
			for i, r := range th.Rows {
				row := []string{cellText(r.Def.Title)}
				for _, c := range a.Cells[i] {
					row = append(row, cellText(c))
				}
				rows = append(rows, row)
			}
			m.table(align, head, rows)
		}
		if a.Hidden != "" {
			m.p("%s", escape(a.Hidden))
		}
	}
	for _, r := range th.Rows {
		if len(r.Quotes) == 0 {
			continue
		}
		m.h(4, r.Def.Title+": "+m.t("report.themes.quotes"))
		for _, q := range r.Quotes {
			m.p("> %s", escape(q))
		}
	}
}
