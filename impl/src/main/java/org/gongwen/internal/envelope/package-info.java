/** JAXB binding of envelope.xml (spec/xsd/gongwen-exchange-1.0.xsd) and its mapping to the API values. */
@XmlSchema(namespace = Namespaces.ENVELOPE, elementFormDefault = XmlNsForm.QUALIFIED,
        xmlns = @XmlNs(prefix = "", namespaceURI = Namespaces.ENVELOPE))
@XmlAccessorType(XmlAccessType.FIELD)
package org.gongwen.internal.envelope;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlNs;
import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
