"""The genre's vocabulary: every word and form the notice parser recognises, as named data.

One file per part of the genre: `numbering`, `body` (problems, responses, statuses, counts),
`page` (title, publication lines, chrome, acceptance), `inspection` (bodies, teams, units,
events), `outcomes`, `limits`. Import the whole as `from zhenggai.notice import vocabulary as v`.

A new form of the genre (a numbering style, a response label, a status heading, a committee, a
way of declaring counts) is one entry here and one row in tests/test_vocabulary.py. The parser's
modules hold only the logic that walks a notice with these words. Patterns apply to the
*analysed* text (zhenggai.text.clean): simplified script, NFKC, full-width ，：；（）.
"""

from zhenggai.notice.vocabulary.body import *  # noqa: F403
from zhenggai.notice.vocabulary.inspection import *  # noqa: F403
from zhenggai.notice.vocabulary.limits import *  # noqa: F403
from zhenggai.notice.vocabulary.numbering import *  # noqa: F403
from zhenggai.notice.vocabulary.outcomes import *  # noqa: F403
from zhenggai.notice.vocabulary.page import *  # noqa: F403
