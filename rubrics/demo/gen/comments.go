package main

// Free-text answers for the two text questions. They are drawn without
// replacement, so no comment appears twice; once a pool is empty the
// respondent simply leaves the box blank, as most people do.

const (
	positive = iota
	mixed
	critical
)

var comments = map[string][3][]string{
	// u10: What would help you most to work well alongside AI tools?
	"u10": {
		positive: {
			"More of the hands-on sessions we had for the document checker. Those were genuinely useful.",
			"Honestly I'm fairly comfortable already. A shared page of tips from colleagues would be nice.",
			"Being able to try the tools on old cases before they go live.",
			"A named person in the team to ask when the tool does something odd.",
			"Keep doing the Friday learning hour. It makes a difference.",
			"Clear guidance on what we're allowed to paste into the assistant and what we aren't.",
			"Short videos I can watch between calls rather than a whole day off the phones.",
			"Access to the same tools the Technology team uses, so we can experiment.",
			"The prompt-writing workshop was excellent. Could it be offered to every team?",
			"More chances to shadow the Technology team when they test new tools.",
			"I'd like to help test the next tool before it reaches everyone.",
		},
		mixed: {
			"A clearer idea of which tasks the AI is meant to do and which are still ours.",
			"Practice time, and a manager who knows the tool too.",
			"Not sure yet. We've only had the summariser for a month.",
			"Guidance for vulnerable customers: when to stop using the tool and just talk.",
			"Some of it is helpful, some is not. More say in which bits we use would help.",
			"Better search in the knowledge base would help more than a chatbot, to be honest.",
			"Mentoring from colleagues who've used it longer.",
			"Knowing who owns the tool. When it breaks we don't know who to tell.",
			"More training in Welsh, please. Mwy o hyfforddiant yn Gymraeg.",
			"A quick-reference card for when the assistant gets something wrong.",
			"Honest examples of where the tool fails, not just where it works.",
			"Time to read the summaries properly rather than trusting them blindly.",
			"Training that fits around shifts. Evening sessions don't work for those of us with childcare.",
		},
		critical: {
			"Time. We're told to learn the new system but the call targets haven't changed.",
			"Training before go-live, not three weeks after when we've already made mistakes.",
			"Knowing whether my job will still exist next year. Hard to get enthusiastic otherwise.",
			"Someone asking us what the job actually involves before deciding what to automate.",
			"Less e-learning, more time with someone who actually knows the tool.",
			"Being told when the tool has been changed. The answers it gives shift week to week.",
			"An honest answer about the targets. If it's about cutting staff, just say so.",
			"Being able to flag wrong answers easily. At the moment I just fix them and nobody knows.",
			"The tool needs to show why it made a recommendation. I can't explain a decline to a customer otherwise.",
			"A proper say in how the new workflow is set up. We were shown it on launch day.",
			"Cover on the phones so we can actually attend the training.",
			"Szkolenie przed wdrożeniem, nie po. (Training before go-live, not after.)",
			"Stop treating the training as a box to tick. Half of it was out of date before we did it.",
			"A guarantee that learning the tool won't be used to justify cutting the team.",
			"Someone to answer questions after launch. The project team disappeared the week it went live.",
			"Targets adjusted while we learn. Right now learning the tool makes our numbers worse.",
		},
	},
	// l10: What one thing should leadership change about how AI is introduced here?
	"l10": {
		positive: {
			"Keep going as you are with the lending pilot: small steps, staff involved, results shared.",
			"Share the results more widely. Good things are happening in some teams that others never hear about.",
			"Nothing major. The pilots have been handled well; just bring Customer Service in earlier.",
			"Carry on involving us. The workshop on the complaints tool was the first time I felt listened to.",
			"Publish the customer satisfaction figures for each tool, good and bad. It would build trust.",
			"Make the steering group's minutes available to staff.",
			"Good start overall. Keep the human option visible on every channel.",
			"The town-hall Q&A on AI was helpful. More of those, please.",
			"Keep the human review on lending decisions. That has been done well.",
			"Carry on with the open Q&A sessions; they were honest and useful.",
		},
		mixed: {
			"Be clearer about the goal. Some managers say it's about service, others say savings.",
			"One owner for each tool, so problems don't bounce between IT and operations.",
			"Give it longer before judging. Quarterly targets push everyone to cut corners.",
			"Explain why each tool was chosen, in plain language.",
			"More consistency between teams. Lending seems to get consulted; we don't.",
			"I'd like leadership to use the tools themselves before rolling them out to us.",
			"Measure quality for longer after launch. The first month always looks fine.",
			"Include frontline staff on the steering group, even one or two.",
			"Tell customers clearly when they're talking to the bot.",
			"Give the Risk team time to review tools properly before launch, not after.",
			"Celebrate the teams that improved service, not only the ones that cut cost.",
			"Set out which decisions will always be made by a person, and stick to it.",
			"Bring the complaints data into the AI reviews, not just the cost figures.",
			"Ask Customer Service before assuming what customers want.",
			"Share what the pilots found, including the ones that were stopped.",
		},
		critical: {
			"Stop measuring success by how many roles have gone.",
			"Talk to the people on the phones before buying anything.",
			"Be honest. Everyone can see the headcount plan; pretending it's about service makes it worse.",
			"Don't switch off the phone option for vulnerable customers. Some of them cannot use the chat at all.",
			"Slow down. Three new tools in six months and no one has checked whether complaints went up.",
			"Tell us what is happening before it happens. We found out about the chatbot from a customer.",
			"Ask how morale is. It's low and nobody above team lead seems to know.",
			"Keep experienced people. When the system is wrong, they are the only ones who can tell.",
			"Stop calling it a pilot when it's already been decided.",
			"Have a plan for switching things off if they don't work. Right now there isn't one.",
			"Listen to the complaints team. They see the problems first.",
			"Count the repeat calls, not just the calls the bot closed.",
			"We\u2019re told it\u2019s \u201cassistive\u201d, but the targets say otherwise \u2014 and we can all read targets.",
			"Stop announcing savings targets before the work has been designed.",
			"Put a person back on the out-of-hours line for bereavement cases.",
			"Don't judge the chatbot on how many contacts it 'deflects'. Deflected customers call back angrier.",
			"Replace the people who left before loading more work onto the rest of us.",
			"Stop rushing tools out to hit a quarter-end date.",
			"Admit when something hasn't worked. The summariser is still live and nobody uses it.",
		},
	},
}

// Planted answers that test an importer's and a renderer's care: one needs
// CSV quoting (comma, quotes, line break), one is markup a respondent pasted.
const (
	plantedQuoting = "Stop calling it \"efficiency\" when it means fewer of us.\n" +
		"If the plan is to cut jobs, say so, and then talk to us about what happens next."
	plantedPractice = "Hands-on practice with real cases, not slides. " +
		"Let us try the new tool on last month's cases before it goes live."
)

type commentPicker struct {
	r    rng
	left map[string]*[3][]string
}

func newCommentPicker(r rng) *commentPicker {
	c := &commentPicker{r: r, left: map[string]*[3][]string{}}
	for _, id := range []string{"u10", "l10"} {
		var pools [3][]string
		for s, pool := range comments[id] {
			pools[s] = append([]string(nil), pool...)
		}
		c.left[id] = &pools
	}
	return c
}

// pick returns the respondent's answer to a text question, often none.
func (c *commentPicker) pick(p *respondent, id string) string {
	answerRate := 750
	if id == "u10" {
		answerRate = 550
	}
	if !p.commenter || !c.r.chance(answerRate) {
		return ""
	}
	mood := mixed
	switch view := p.trait[service] + p.trait[longterm]; {
	case view > 1000:
		mood = positive
	case view < -100:
		mood = critical
	}
	pool := &c.left[id][mood]
	if len(*pool) == 0 {
		return ""
	}
	i := c.r.n(len(*pool))
	s := (*pool)[i]
	*pool = append((*pool)[:i], (*pool)[i+1:]...)
	return s
}

// plant puts the two test answers with the first frontline commenters of
// Customer Service and Lending Operations.
func (c *commentPicker) plant(people []*respondent) {
	col := func(id string) int {
		for i, it := range items {
			if it.id == id {
				return i
			}
		}
		panic("no item " + id)
	}
	put := func(team, id, s string) {
		for _, p := range people {
			if p.commenter && p.role == frontline && teams[p.team].name == team {
				p.answers[col(id)] = s
				return
			}
		}
	}
	put("Customer Service", "l10", plantedQuoting)
	put("Lending Operations", "u10", plantedPractice)
}
