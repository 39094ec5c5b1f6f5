<#-- The English text mails' shared pieces (CONTRACT §4), found by FreeMarker's localized lookup
     for a letter in English; as layout.ftl, paragraphs stand on one line. -->
<#macro signature>
Kind regards,

${chairName}
${chairTitle}
${committee}
</#macro>
<#macro salutation>
<#if !(ownGreeting!false)>
Dear <#if complainantName?has_content>${complainantName}<#else>Sir or Madam</#if>,

</#if>
</#macro>
<#-- The register's Dutch field labels (RegisterFields), as the English mail names them. -->
<#function label dutch>
<#local english = {"Naam": "Name", "Adres": "Address", "Woonplaats": "City", "Product": "Product",
    "Producten": "Products", "Datum ontstaan": "Date of occurrence", "Medewerker": "Employee",
    "Namens": "On behalf of", "Onderwerp": "Subject", "Gronden": "Grounds"}>
<#return english[dutch]!dutch>
</#function>
<#-- The register's Dutch words for an assessment or outcome, in English. -->
<#function term dutch>
<#local english = {"gegrond": "upheld", "ongegrond": "rejected", "deels gegrond": "partly upheld",
    "in behandeling": "in progress", "afgehandeld": "handled", "ingetrokken": "withdrawn"}>
<#return english[dutch?lower_case]!dutch>
</#function>
<#-- A "Label: value" line the register wrote, its label in English. -->
<#function labelled line>
<#local at = line?index_of(": ")>
<#if at lt 0><#return line></#if>
<#return label(line?substring(0, at)) + line?substring(at)>
</#function>
<#-- What a confirmation request asks (ComplainantProof's action), in English. -->
<#function request action dutch>
<#local english = {"APPEAL": "to lodge an appeal against the decision", "WITHDRAW": "to withdraw the complaint",
    "DETAILS": "to change your details in the file"}>
<#return english[action]!dutch>
</#function>
<#-- Why an appeal cannot be lodged (AppealDesk's refusal code), in English. -->
<#function refusal code dutch earlier>
<#local english = {"already-filed": "You already lodged an appeal on " + earlier + "; one appeal is possible per complaint.",
    "withdrawn": "You withdrew your complaint; no appeal is possible against that.",
    "not-decided": "Your complaint has not been decided yet. An appeal is possible once you have received our position, if you disagree with it."}>
<#return english[code]!dutch>
</#function>
